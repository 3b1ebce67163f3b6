/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.examples.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds a block of consecutive free loopback ports, so that clusters of separate processes started by tests and
 * benchmarks that run at the same time on one machine do not meet: Ignite's discovery finds peers by port range.
 */
public final class FreePorts {
    private static final int LOW = 20_000;
    private static final int HIGH = 40_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** @return the first of {@code count} consecutive ports that are free now */
    public static int block(int count) {
        for (int i = 0; i < ATTEMPTS; i++) {
            int first = ThreadLocalRandom.current().nextInt(LOW, HIGH - count);
            if (allFree(first, count))
                return first;
        }
        throw new IllegalStateException("No " + count + " consecutive free ports in " + LOW + ".." + HIGH);
    }

    private static boolean allFree(int first, int count) {
        for (int p = first; p < first + count; p++) {
            try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                s.setReuseAddress(true);
            }
            catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}

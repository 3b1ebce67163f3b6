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

package dev.autopilot.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The loopback ports of one test cluster: node {@code i} listens for discovery on {@code base + i}, for communication
 * on {@code base + 10 + i} and for JDBC and thin clients on {@code base + 20 + i}. The block is picked at random per
 * cluster so that parallel builds (and clusters of one build) do not join each other, below Linux's ephemeral range
 * (32768 and up) so that outgoing connections do not take its ports first, and only if all its ports are free now.
 */
final class PortBlock {
    /** The most nodes one cluster may have: each kind of port has this many in a block. */
    static final int MAX_NODES = 10;

    private static final int FIRST_PORT = 20_000;
    private static final int BLOCKS = 400;
    private static final int SIZE = 3 * MAX_NODES;
    private static final int ATTEMPTS = 50;
    private static final String HOST = "127.0.0.1";

    private final int base;

    private PortBlock(int base) {
        this.base = base;
    }

    /** @return a block whose ports were all free when probed */
    static PortBlock pick() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = FIRST_PORT + ThreadLocalRandom.current().nextInt(BLOCKS) * SIZE;
            if (free(base))
                return new PortBlock(base);
        }
        throw new IllegalStateException("No block of " + SIZE + " free loopback ports found in " + ATTEMPTS + " tries");
    }

    private static boolean free(int base) {
        for (int port = base; port < base + SIZE; port++) {
            try {
                new ServerSocket(port, 1, InetAddress.getByName(HOST)).close();
            }
            catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** @return the first port of the block: different for every cluster running on this machine */
    int base() {
        return base;
    }

    String host() {
        return HOST;
    }

    /** @return where discovery looks for the other nodes: every discovery port of the block */
    String discoveryAddresses() {
        return HOST + ':' + base + ".." + (base + MAX_NODES - 1);
    }

    int discovery(int node) {
        return base + check(node);
    }

    int communication(int node) {
        return base + MAX_NODES + check(node);
    }

    int client(int node) {
        return base + 2 * MAX_NODES + check(node);
    }

    private static int check(int node) {
        if (node < 0 || node >= MAX_NODES)
            throw new IllegalArgumentException("Node index " + node + " outside 0.." + (MAX_NODES - 1));
        return node;
    }
}

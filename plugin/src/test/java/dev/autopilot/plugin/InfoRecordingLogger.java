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

package dev.autopilot.plugin;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.autopilot.testkit.ForwardingLogger;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.logger.java.JavaLogger;

/**
 * The logger a test gives its nodes to see what they log at INFO: it passes everything on to Ignite's default logger
 * and keeps each INFO message, for the test to assert on. Ignite derives every category's logger from the one of the
 * configuration ({@link #getLogger}), so the plugin's messages pass here too.
 */
final class InfoRecordingLogger extends ForwardingLogger {
    private final Queue<String> infos;

    InfoRecordingLogger() {
        this(new JavaLogger(), new ConcurrentLinkedQueue<>());
    }

    private InfoRecordingLogger(IgniteLogger delegate, Queue<String> infos) {
        super(delegate);
        this.infos = infos;
    }

    /** @return every message logged at INFO so far, by any node given this logger, oldest first */
    List<String> infos() {
        return List.copyOf(infos);
    }

    @Override public IgniteLogger getLogger(Object ctgr) {
        return new InfoRecordingLogger(delegate.getLogger(ctgr), infos);
    }

    @Override public void info(String msg) {
        infos.add(msg);
        delegate.info(msg);
    }
}

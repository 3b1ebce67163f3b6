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

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import dev.autopilot.testkit.ForwardingLogger;
import org.apache.ignite.IgniteLogger;

/**
 * The logger a test gives its nodes to see what they log at ERROR: it passes everything on to the logger Ignite would
 * have used, and keeps each error, with its category and stack trace, for the test to assert on. Ignite logs through
 * the logger of its configuration (and the loggers {@link #getLogger} derives from it), so nothing a node logs at
 * ERROR goes past it. Each error is kept with the phase of the test it came in, so that a failure says when.
 */
final class ErrorRecordingLogger extends ForwardingLogger {
    private final String category;
    private final Supplier<String> phase;
    private final Queue<String> errors;

    /**
     * @param delegate the logger that writes the log
     * @param phase what the test is doing now
     */
    ErrorRecordingLogger(IgniteLogger delegate, Supplier<String> phase) {
        this(delegate, "", phase, new ConcurrentLinkedQueue<>());
    }

    private ErrorRecordingLogger(IgniteLogger delegate, String category, Supplier<String> phase,
        Queue<String> errors) {
        super(delegate);
        this.category = category;
        this.phase = phase;
        this.errors = errors;
    }

    /** @return every error logged so far through this logger or one derived from it, oldest first */
    List<String> errors() {
        return List.copyOf(errors);
    }

    @Override public IgniteLogger getLogger(Object ctgr) {
        String name = ctgr instanceof Class<?> c ? c.getName() : String.valueOf(ctgr);
        return new ErrorRecordingLogger(delegate.getLogger(ctgr), name, phase, errors);
    }

    @Override public void error(String msg, Throwable e) {
        record(msg, e);
        delegate.error(msg, e);
    }

    @Override public void error(String marker, String msg, Throwable e) {
        record(msg, e);
        delegate.error(marker, msg, e);
    }

    private void record(String msg, Throwable e) {
        StringWriter trace = new StringWriter();
        if (e != null)
            e.printStackTrace(new PrintWriter(trace));
        errors.add("while " + phase.get() + " on " + Thread.currentThread().getName() + ": [" + category + "] " + msg
            + System.lineSeparator() + trace);
    }
}

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

import org.apache.ignite.IgniteLogger;

/**
 * A logger that passes everything on to another: the base of the loggers a test gives its nodes to keep what they log
 * at some level, which override that level's methods and {@link #getLogger} (Ignite derives every category's logger
 * from the configuration's, so the derived ones must keep recording).
 */
public abstract class ForwardingLogger implements IgniteLogger {
    /** The logger that writes the log. */
    protected final IgniteLogger delegate;

    /** @param delegate the logger that writes the log */
    protected ForwardingLogger(IgniteLogger delegate) {
        this.delegate = delegate;
    }

    @Override public void trace(String msg) {
        delegate.trace(msg);
    }

    @Override public void debug(String msg) {
        delegate.debug(msg);
    }

    @Override public void info(String msg) {
        delegate.info(msg);
    }

    @Override public void warning(String msg, Throwable e) {
        delegate.warning(msg, e);
    }

    @Override public void error(String msg, Throwable e) {
        delegate.error(msg, e);
    }

    @Override public boolean isTraceEnabled() {
        return delegate.isTraceEnabled();
    }

    @Override public boolean isDebugEnabled() {
        return delegate.isDebugEnabled();
    }

    @Override public boolean isInfoEnabled() {
        return delegate.isInfoEnabled();
    }

    @Override public boolean isQuiet() {
        return delegate.isQuiet();
    }

    @Override public String fileName() {
        return delegate.fileName();
    }
}

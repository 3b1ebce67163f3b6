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

import java.util.ArrayList;
import java.util.List;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.internal.commandline.CommandHandler;

/**
 * Runs {@code control.sh} in this JVM: Ignite's control utility entry point ({@link CommandHandler}), connected to a
 * node's client connector, with what it prints kept for the test to read.
 */
final class ControlUtility {
    private ControlUtility() {
    }

    /**
     * @param address {@code host:port} of a node's client connector
     * @param args what follows the connection options on the command line
     * @return the exit code and the output
     */
    static Run run(String address, String... args) {
        String[] hostPort = address.split(":");
        List<String> all = new ArrayList<>(List.of("--host", hostPort[0], "--port", hostPort[1]));
        all.addAll(List.of(args));
        Printed printed = new Printed();
        CommandHandler handler = new CommandHandler(printed);
        int code = handler.execute(all);
        return new Run(code, printed.text.toString(), handler.getLastOperationResult());
    }

    /**
     * One run.
     *
     * @param exitCode what {@code control.sh} would exit with
     * @param output everything it printed
     * @param result what the command returned, if it succeeded
     */
    record Run(int exitCode, String output, Object result) {
        @Override public String toString() {
            return "exit code " + exitCode + ":\n" + output;
        }
    }

    /** Keeps every line the utility prints, as its console would show them. */
    private static final class Printed implements IgniteLogger {
        private final StringBuffer text = new StringBuffer();

        @Override public IgniteLogger getLogger(Object ctgr) {
            return this;
        }

        @Override public void trace(String msg) {
            // Not shown on a console.
        }

        @Override public void debug(String msg) {
            // Not shown on a console.
        }

        @Override public void info(String msg) {
            text.append(msg).append('\n');
        }

        @Override public void warning(String msg, Throwable e) {
            text.append(msg).append('\n');
        }

        @Override public void error(String msg, Throwable e) {
            text.append(msg).append('\n');
        }

        @Override public boolean isTraceEnabled() {
            return false;
        }

        @Override public boolean isDebugEnabled() {
            return false;
        }

        @Override public boolean isInfoEnabled() {
            return true;
        }

        @Override public boolean isQuiet() {
            return false;
        }

        @Override public String fileName() {
            return null;
        }
    }
}

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
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One JVM started as a command, with its output in a log file. {@link #kill()} sends SIGKILL
 * ({@link Process#destroyForcibly()} on Linux): the process gets no chance to leave the cluster in order, as when a
 * machine dies.
 */
public final class NodeProcess {
    private final Process process;
    private final Path log;

    private NodeProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} with its standard output and error appended to {@code log}. */
    static NodeProcess start(List<String> command, Path workDir, Path log) throws IOException {
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new NodeProcess(p, log);
    }

    /** @return the operating system's id of the process */
    public long pid() {
        return process.pid();
    }

    /** @return whether the process runs */
    public boolean alive() {
        return process.isAlive();
    }

    /** @return where its output goes */
    public Path log() {
        return log;
    }

    /** Sends SIGKILL and waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS))
                throw new IllegalStateException("Process " + pid() + " survived SIGKILL for 30 s");
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing process " + pid(), e);
        }
    }
}

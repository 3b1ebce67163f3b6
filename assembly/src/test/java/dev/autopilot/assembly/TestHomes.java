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

package dev.autopilot.assembly;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.NodeProcess;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The installations the end-to-end tests start nodes from: Ignite 2.17.0's distribution laid out from the Ignite jars
 * on the test class path (Maven's), with the package {@code package} built installed as the README says.
 */
final class TestHomes {
    private TestHomes() {
    }

    /** @return a fresh installation in {@code target/it/<name>/ignite-home} */
    static IgniteHome install(String name) throws IOException {
        Path dir = runDir(name).resolve("ignite-home");
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of).toList();
        return IgniteHome.install(dir, Path.of(property("dist.jars.list")), jars, Path.of(property("autopilot.zip")));
    }

    /** @return {@code target/it/<name>}, emptied */
    static Path runDir(String name) throws IOException {
        Path dir = Path.of(property("it.dir"), name);
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList())
                    Files.delete(f);
            }
        }
        return Files.createDirectories(dir);
    }

    /** Fails unless every process in {@code started} has exited. */
    static void assertNoneLeft(List<NodeProcess> started) {
        List<Long> alive = started.stream().map(NodeProcess::pid)
            .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).toList();
        assertEquals(List.of(), alive, "node processes still running");
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isEmpty())
            throw new IllegalStateException("System property not set (run through Maven): " + name);
        return v;
    }
}

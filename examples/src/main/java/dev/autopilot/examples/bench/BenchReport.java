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

package dev.autopilot.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a benchmark's figures as flat JSON to {@code target/bench/<name>.json} under the repository root. */
final class BenchReport {
    private BenchReport() {
    }

    /** @return the file written */
    static Path write(String name, Map<String, ?> figures) throws IOException {
        Path file = directory().resolve(name + ".json");
        Files.createDirectories(file.getParent());
        String json = figures.entrySet().stream()
            .map(e -> '"' + e.getKey() + "\": " + value(e.getValue()))
            .collect(Collectors.joining(",\n  ", "{\n  ", "\n}\n"));
        Files.writeString(file, json);
        return file;
    }

    /** Numbers and booleans as they are (a number that is not finite as {@code null}), anything else as a string. */
    private static String value(Object v) {
        if (v instanceof Double d && !Double.isFinite(d))
            return "null";
        return v instanceof Number || v instanceof Boolean ? String.valueOf(v) : '"' + String.valueOf(v) + '"';
    }

    /** @return {@code target/bench} under the repository root */
    static Path directory() throws IOException {
        return repositoryRoot().resolve("target").resolve("bench");
    }

    /** @return the nearest directory, upwards from the working directory, that holds the parent pom */
    private static Path repositoryRoot() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>autopilot-parent</artifactId>"))
                return dir;
        }
        throw new IOException("No autopilot-parent pom.xml above " + Path.of("").toAbsolutePath());
    }
}

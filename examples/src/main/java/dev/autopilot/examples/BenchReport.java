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

package dev.autopilot.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Writes the figures of a benchmark, the simulator or the forecast evaluation as flat JSON to
 * {@code target/bench/<name>.json} under the repository root: one writer, so that every report has the same shape and
 * lands in the same place whichever module directory a main is started from.
 */
public final class BenchReport {
    private static final String PARENT_MARKER = "<artifactId>autopilot-parent</artifactId>";

    private BenchReport() {
    }

    /**
     * Numbers and booleans are written as they are, a number that is not finite and a missing value as {@code null}
     * (JSON has no NaN), anything else as its string.
     *
     * @return the file written
     */
    public static Path write(String name, Map<String, ?> figures) throws IOException {
        return write(directory(), name, figures);
    }

    /** As {@link #write(String, Map)}, into {@code dir}. */
    static Path write(Path dir, String name, Map<String, ?> figures) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        figures.forEach((k, v) -> json.put(k, value(v)));
        Path file = dir.resolve(name + ".json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
        return file;
    }

    private static Object value(Object v) {
        if (v instanceof Double d && !Double.isFinite(d) || v instanceof Float f && !Float.isFinite(f))
            return null;
        return v == null || v instanceof Number || v instanceof Boolean ? v : String.valueOf(v);
    }

    /** @return {@code target/bench} under the repository root */
    public static Path directory() throws IOException {
        return repositoryRoot(Path.of("")).resolve("target").resolve("bench");
    }

    /**
     * The nearest directory at or above {@code start} whose pom.xml is the project's parent pom (module poms name it
     * inside their {@code <parent>} element, which does not count), else {@code start}: mains resolve their input
     * folders and their output against it, so they work from the root as from a module directory.
     */
    public static Path repositoryRoot(Path start) throws IOException {
        Path from = start.toAbsolutePath().normalize();
        for (Path d = from; d != null; d = d.getParent()) {
            Path pom = d.resolve("pom.xml");
            if (Files.isRegularFile(pom)
                && Files.readString(pom).replaceAll("(?s)<parent>.*?</parent>", "").contains(PARENT_MARKER))
                return d;
        }
        return from;
    }
}

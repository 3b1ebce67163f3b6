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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchReportTest {
    @Test
    void figuresAreWrittenAsFlatJsonInTheirOrder(@TempDir Path dir) throws IOException {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("ratio", 1.25);
        figures.put("count", 7L);
        figures.put("fork", true);
        figures.put("not_finite", Double.NaN);
        figures.put("missing", null);
        figures.put("setups", "static,\"hand-tuned\"");
        Path file = BenchReport.write(dir, "sample", figures);

        assertEquals(dir.resolve("sample.json"), file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertEquals(1.25, json.get("ratio").doubleValue());
        assertEquals(7, json.get("count").longValue());
        assertTrue(json.get("fork").booleanValue());
        assertTrue(json.get("not_finite").isNull(), "JSON has no NaN");
        assertTrue(json.get("missing").isNull());
        assertEquals("static,\"hand-tuned\"", json.get("setups").textValue());
        assertEquals(List.copyOf(figures.keySet()), fieldNames(json));
    }

    @Test
    void repositoryRootIsTheParentPomNotAModulePom(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("pom.xml"), "<project><artifactId>autopilot-parent</artifactId></project>");
        Path module = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(module.resolve("pom.xml"), "<project><parent><artifactId>autopilot-parent</artifactId>"
            + "</parent><artifactId>autopilot-examples</artifactId></project>");
        assertEquals(dir.toAbsolutePath().normalize(), BenchReport.repositoryRoot(module));
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}

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

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.affinity.scaler.StandbyScalerConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/configuration.md states every property of the three configuration beans with the default the code has, and
 * each bean's {@code toString()} names every property: a property added or a default changed without its page fails
 * here.
 */
class ConfigurationDocsTest {
    private static final Path PAGE = Path.of("..", "docs", "configuration.md");

    @Test
    void everyPropertyIsDocumentedWithItsDefault() throws IOException {
        Map<String, Map<String, String>> sections = sections(Files.readAllLines(PAGE));
        List<String> problems = new ArrayList<>();
        for (Object bean : List.of(new AutopilotConfiguration(), new AdaptationConfiguration(),
            new StandbyScalerConfiguration())) {
            String type = bean.getClass().getSimpleName();
            Map<String, String> rows = sections.get(type);
            if (rows == null) {
                problems.add("no section for " + type);
                continue;
            }
            properties(bean).forEach((name, value) -> {
                String documented = rows.get(name);
                if (documented == null)
                    problems.add(type + '.' + name + " is not documented");
                else if (!sameDefault(documented, value))
                    problems.add(type + '.' + name + ": the page says " + documented + ", the code has " + value);
            });
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void toStringNamesEveryProperty() throws Exception {
        for (Object bean : List.of(new AutopilotConfiguration(), new AdaptationConfiguration(),
            new StandbyScalerConfiguration())) {
            String text = bean.toString();
            for (String name : properties(bean).keySet())
                assertTrue(text.contains(name + '='), () -> text + " lacks " + name);
        }
    }

    /** @return per bean class named in a heading, its table's property to default cell */
    private static Map<String, Map<String, String>> sections(List<String> lines) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                current = null;
                for (String type : List.of("AutopilotConfiguration", "AdaptationConfiguration",
                    "StandbyScalerConfiguration")) {
                    if (line.contains('`' + type + '`'))
                        out.put(type, current = new LinkedHashMap<>());
                }
            }
            else if (current != null && line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                current.put(cells[1].trim().replace("`", ""), cells[2].trim().replace("`", ""));
            }
        }
        return out;
    }

    /** @return every property with a public setter, and its default as the getter gives it */
    private static Map<String, Object> properties(Object bean) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Method setter : bean.getClass().getMethods()) {
            if (!setter.getName().startsWith("set") || setter.getParameterCount() != 1)
                continue;
            String suffix = setter.getName().substring(3);
            String name = Character.toLowerCase(suffix.charAt(0)) + suffix.substring(1);
            try {
                Method getter = getter(bean.getClass(), suffix);
                out.put(name, getter.invoke(bean));
            }
            catch (ReflectiveOperationException e) {
                throw new AssertionError("no getter for " + name, e);
            }
        }
        return out;
    }

    private static Method getter(Class<?> type, String suffix) throws NoSuchMethodException {
        try {
            return type.getMethod("get" + suffix);
        }
        catch (NoSuchMethodException e) {
            return type.getMethod("is" + suffix);
        }
    }

    /** The page writes numbers, enums and booleans as they are, lists as "empty", beans as "see below". */
    private static boolean sameDefault(String documented, Object value) {
        if (value instanceof List<?> list)
            return list.isEmpty() == documented.startsWith("empty");
        if (value instanceof Number n) {
            if (n.intValue() == Integer.MAX_VALUE)
                return documented.contains("Integer.MAX_VALUE");
            String number = documented.split(" ")[0];
            try {
                return Double.parseDouble(number) == n.doubleValue();
            }
            catch (NumberFormatException e) {
                return false;
            }
        }
        if (value instanceof Boolean || value instanceof Enum<?>)
            return documented.split(" ")[0].equals(String.valueOf(value));
        return documented.startsWith("see below");
    }
}

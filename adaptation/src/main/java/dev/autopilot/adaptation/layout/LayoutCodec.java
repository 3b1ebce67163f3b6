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

package dev.autopilot.adaptation.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.layout.PartitionLayout;
import dev.autopilot.sql.schema.ColumnType;
import dev.autopilot.sql.schema.TableSchema;
import dev.autopilot.sql.schema.TypeName;

/**
 * Writes a {@link PartitionLayout} as the JSON text kept in the cluster's metadata, and reads it back. The text holds
 * the table's own columns and types, so a node can check the derived expressions again without asking anyone.
 */
public final class LayoutCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LayoutCodec() {
    }

    /** @return {@code layout} as JSON */
    public static String write(PartitionLayout layout) {
        ObjectNode root = MAPPER.createObjectNode();
        TableSchema t = layout.table();
        root.put("table", t.table());
        root.put("cache", t.cacheName());
        root.put("version", layout.version());
        root.put("rewritable", layout.rewritable());
        ObjectNode columns = root.putObject("columns");
        t.columns().forEach((name, type) -> columns.put(name, type.toString()));
        strings(root.putArray("primary_key"), t.primaryKey());
        ArrayNode existing = root.putArray("existing_indexes");
        t.indexes().forEach(idx -> strings(existing.addArray(), idx));
        ArrayNode derived = root.putArray("derived");
        for (DerivedColumn c : layout.derived()) {
            derived.addObject().put("name", c.name()).put("expression", c.expression().canonical())
                .put("state", c.state().name()).put("search_key", c.searchKey());
        }
        ArrayNode indexes = root.putArray("indexes");
        for (LayoutIndex i : layout.indexes())
            strings(indexes.addObject().put("name", i.name()).putArray("columns"), i.columns());
        return root.toString();
    }

    /**
     * @param json what {@link #write} produced
     * @return the layout
     * @throws IllegalArgumentException when the text is not a layout
     */
    public static PartitionLayout read(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            Map<String, ColumnType> columns = new LinkedHashMap<>();
            root.get("columns").fields().forEachRemaining(e -> columns.put(e.getKey(), type(e.getValue().asText())));
            List<List<String>> existing = new ArrayList<>();
            root.get("existing_indexes").forEach(idx -> existing.add(strings(idx)));
            TableSchema table = new TableSchema(root.get("table").asText(), root.get("cache").asText(), columns,
                strings(root.get("primary_key")), existing);
            List<DerivedColumn> derived = new ArrayList<>();
            for (JsonNode c : root.get("derived")) {
                String name = c.get("name").asText();
                derived.add(new DerivedColumn(name,
                    DerivedExpression.parse(c.get("expression").asText(), table, "derived." + name),
                    ColumnState.valueOf(c.get("state").asText()), c.path("search_key").asBoolean(false)));
            }
            List<LayoutIndex> indexes = new ArrayList<>();
            for (JsonNode i : root.get("indexes"))
                indexes.add(new LayoutIndex(i.get("name").asText(), strings(i.get("columns"))));
            return new PartitionLayout(table, root.get("version").asLong(), derived, indexes,
                root.get("rewritable").asBoolean());
        }
        catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("Not a partition layout: " + e.getMessage(), e);
        }
    }

    private static ColumnType type(String sql) {
        try {
            return ColumnType.parse(sql);
        }
        catch (IllegalArgumentException e) {
            return ColumnType.of(TypeName.OTHER);
        }
    }

    private static void strings(ArrayNode out, List<String> values) {
        values.forEach(out::add);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}

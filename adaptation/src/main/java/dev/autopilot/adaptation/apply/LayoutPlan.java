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

package dev.autopilot.adaptation.apply;

import java.util.ArrayList;
import java.util.List;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.layout.ColumnState;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutIndex;
import dev.autopilot.sql.schema.TableSchema;

/**
 * The structures a profile adds to a partition and those it retires, worked out once when the change is planned and
 * then kept with it, so that every step, on whichever node resumes it, and a rollback act on exactly the same columns
 * and indexes.
 *
 * @param columns the derived columns to add, with their SQL types
 * @param indexes the indexes to build
 * @param retiredColumns derived columns of the partition that the profile leaves out
 * @param retiredIndexes indexes of the partition that the profile leaves out, or that read a retired column
 */
public record LayoutPlan(List<NewColumn> columns, List<LayoutIndex> indexes, List<String> retiredColumns,
    List<LayoutIndex> retiredIndexes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LayoutPlan {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
        retiredColumns = List.copyOf(retiredColumns);
        retiredIndexes = List.copyOf(retiredIndexes);
    }

    /** @return a plan that only adds */
    public static LayoutPlan adding(List<NewColumn> columns, List<LayoutIndex> indexes) {
        return new LayoutPlan(columns, indexes, List.of(), List.of());
    }

    /** A derived column to add (in state {@code BUILDING}), with its SQL type. */
    public record NewColumn(DerivedColumn column, String type) {
    }

    /** @return whether the profile adds nothing and retires nothing */
    public boolean isEmpty() {
        return columns.isEmpty() && indexes.isEmpty() && !retires();
    }

    /** @return whether the profile adds a column or an index the partition lacks */
    public boolean adds() {
        return !columns.isEmpty() || !indexes.isEmpty();
    }

    /** @return whether the profile retires structures the partition has */
    public boolean retires() {
        return !retiredColumns.isEmpty() || !retiredIndexes.isEmpty();
    }

    /**
     * @return the retired indexes dropped before the fill rather than after the cut-over: all of them, when the plan
     *     fills. The profile found no template worth them, and a filled row grows and moves, so every index of the
     *     table takes it again: in the drift benchmark a fill ran 3.5 times slower beside two indexes on DECIMAL columns
     *     (whose keys Ignite 2.17 does not inline), and one beside two composite indexes at 7,000 rows/s against
     *     11,300 without
     */
    public List<LayoutIndex> retiredBeforeFill() {
        return columns.isEmpty() ? List.of() : retiredIndexes;
    }

    /** @return the plan as JSON, for {@link #read} */
    public String write() {
        ObjectNode root = MAPPER.createObjectNode();
        for (NewColumn c : columns) {
            root.withArray("columns").addObject().put("name", c.column().name())
                .put("expression", c.column().expression().canonical()).put("type", c.type())
                .put("search_key", c.column().searchKey());
        }
        writeIndexes(root, "indexes", indexes);
        retiredColumns.forEach(root.withArray("retired_columns")::add);
        writeIndexes(root, "retired_indexes", retiredIndexes);
        return root.toString();
    }

    /**
     * @param json what {@link #write} produced
     * @param table the table the plan is for, as its user defined it
     * @return the plan
     */
    public static LayoutPlan read(String json, TableSchema table) {
        try {
            JsonNode root = MAPPER.readTree(json);
            List<NewColumn> columns = new ArrayList<>();
            for (JsonNode c : root.path("columns")) {
                String name = c.get("name").asText();
                columns.add(new NewColumn(new DerivedColumn(name, DerivedExpression.parse(c.get("expression").asText(),
                    table, "plan." + name), ColumnState.BUILDING, c.path("search_key").asBoolean(false)),
                    c.get("type").asText()));
            }
            List<String> retired = new ArrayList<>();
            root.path("retired_columns").forEach(c -> retired.add(c.asText()));
            return new LayoutPlan(columns, readIndexes(root.path("indexes")), retired,
                readIndexes(root.path("retired_indexes")));
        }
        catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("Not a layout plan: " + e.getMessage(), e);
        }
    }

    private static void writeIndexes(ObjectNode root, String field, List<LayoutIndex> indexes) {
        for (LayoutIndex i : indexes) {
            ObjectNode idx = root.withArray(field).addObject().put("name", i.name());
            i.columns().forEach(idx.putArray("columns")::add);
        }
    }

    private static List<LayoutIndex> readIndexes(JsonNode array) {
        List<LayoutIndex> indexes = new ArrayList<>();
        for (JsonNode i : array) {
            List<String> cols = new ArrayList<>();
            i.get("columns").forEach(v -> cols.add(v.asText()));
            indexes.add(new LayoutIndex(i.get("name").asText(), cols));
        }
        return indexes;
    }
}

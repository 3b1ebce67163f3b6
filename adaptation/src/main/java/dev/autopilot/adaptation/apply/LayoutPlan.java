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
 * The structures a profile adds to a partition, worked out once when the change is planned and then kept with it, so
 * that every step, on whichever node resumes it, and a rollback act on exactly the same columns and indexes.
 *
 * @param columns the derived columns to add, with their SQL types
 * @param indexes the indexes to build
 */
public record LayoutPlan(List<NewColumn> columns, List<LayoutIndex> indexes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public LayoutPlan {
        columns = List.copyOf(columns);
        indexes = List.copyOf(indexes);
    }

    /** A derived column to add (in state {@code BUILDING}), with its SQL type. */
    public record NewColumn(DerivedColumn column, String type) {
    }

    /** @return whether the profile adds nothing */
    public boolean isEmpty() {
        return columns.isEmpty() && indexes.isEmpty();
    }

    /** @return the plan as JSON, for {@link #read} */
    public String write() {
        ObjectNode root = MAPPER.createObjectNode();
        for (NewColumn c : columns) {
            root.withArray("columns").addObject().put("name", c.column().name())
                .put("expression", c.column().expression().canonical()).put("type", c.type());
        }
        for (LayoutIndex i : indexes) {
            ObjectNode idx = root.withArray("indexes").addObject().put("name", i.name());
            i.columns().forEach(idx.putArray("columns")::add);
        }
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
                    table, "plan." + name), ColumnState.BUILDING), c.get("type").asText()));
            }
            List<LayoutIndex> indexes = new ArrayList<>();
            for (JsonNode i : root.path("indexes")) {
                List<String> cols = new ArrayList<>();
                i.get("columns").forEach(v -> cols.add(v.asText()));
                indexes.add(new LayoutIndex(i.get("name").asText(), cols));
            }
            return new LayoutPlan(columns, indexes);
        }
        catch (JsonProcessingException | NullPointerException e) {
            throw new IllegalArgumentException("Not a layout plan: " + e.getMessage(), e);
        }
    }
}

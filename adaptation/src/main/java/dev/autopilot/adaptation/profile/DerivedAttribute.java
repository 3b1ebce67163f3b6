package dev.autopilot.adaptation.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A column a profile adds to its table, holding the value of an expression over the table's other columns.
 *
 * @param name the column's name: a SQL identifier, by default the stable name of the canonical expression
 * @param expression the expression in canonical SQL
 * @param type its SQL type, inferred from the expression (may be omitted on import)
 * @param reason why it is proposed: the templates that filter on it (may be omitted on import)
 * @param benefit its cost and, through the indexes that use it, its share of the gain (may be omitted on import)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivedAttribute(
    @JsonProperty("name") String name,
    @JsonProperty("expression") String expression,
    @JsonProperty("type") String type,
    @JsonProperty("reason") String reason,
    @JsonProperty("benefit") Benefit benefit
) {
}

package dev.autopilot.sql.analysis;

import java.util.List;

/**
 * What a statement does, independent of its literal values: the unit the query log groups executions by.
 *
 * @param kind read, write, DDL or other
 * @param template the statement with every literal and parameter replaced by {@code ?}
 * @param tables the tables it reads or writes, in order of appearance
 * @param predicates its filters
 * @param projections the expressions of its SELECT lists, without aliases
 * @param groupBy its GROUP BY expressions
 */
public record StatementShape(
    StatementKind kind,
    String template,
    List<String> tables,
    List<Predicate> predicates,
    List<String> projections,
    List<String> groupBy
) {
    public StatementShape {
        tables = List.copyOf(tables);
        predicates = List.copyOf(predicates);
        projections = List.copyOf(projections);
        groupBy = List.copyOf(groupBy);
    }

    /** @return the same shape with every table name qualified by {@code schema} where it was written without one */
    public StatementShape qualified(String schema) {
        return new StatementShape(
            kind,
            template,
            tables.stream().map(t -> Names.qualify(schema, t)).distinct().toList(),
            predicates.stream().map(p -> p.qualified(schema)).toList(),
            projections,
            groupBy);
    }
}

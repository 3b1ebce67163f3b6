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

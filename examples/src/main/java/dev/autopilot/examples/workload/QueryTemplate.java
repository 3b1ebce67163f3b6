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

package dev.autopilot.examples.workload;

import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A named SQL statement with {@code ?} parameters and the generator of its values: the unit a workload mixes.
 *
 * <p>The name identifies the template in mixes and results. {@link #style()} says how the values are sent unless
 * the driver overrides it; {@link #render} writes them in as literals for clients that do not bind.
 */
public final class QueryTemplate {
    private final String name;

    private final String sql;

    private final boolean update;

    private final ParameterGenerator parameters;

    private final ParameterStyle style;

    private QueryTemplate(String name, String sql, boolean update, ParameterGenerator parameters,
        ParameterStyle style) {
        if (name == null || name.isBlank())
            throw new IllegalArgumentException("template name must be set: " + name);
        if (sql == null || sql.isBlank())
            throw new IllegalArgumentException("sql of template " + name + " must be set: " + sql);

        this.name = name;
        this.sql = sql;
        this.update = update;
        this.parameters = Objects.requireNonNull(parameters, "parameters of template " + name);
        this.style = Objects.requireNonNull(style, "style of template " + name);
    }

    /** A SELECT template; its parameters are bound unless {@link #withStyle} says otherwise. */
    public static QueryTemplate query(String name, String sql, ParameterGenerator parameters) {
        return new QueryTemplate(name, sql, false, parameters, ParameterStyle.BIND);
    }

    /** An INSERT/UPDATE/DELETE/MERGE template; run with {@code executeUpdate}. */
    public static QueryTemplate update(String name, String sql, ParameterGenerator parameters) {
        return new QueryTemplate(name, sql, true, parameters, ParameterStyle.BIND);
    }

    /** The same template, sending its parameters in {@code style}. */
    public QueryTemplate withStyle(ParameterStyle style) {
        return new QueryTemplate(name, sql, update, parameters, style);
    }

    public String name() {
        return name;
    }

    /** The SQL text with {@code ?} placeholders. */
    public String sql() {
        return sql;
    }

    /** Whether this is DML (an update count) rather than a query (a result set). */
    public boolean isUpdate() {
        return update;
    }

    public ParameterStyle style() {
        return style;
    }

    /** Draws the values of one execution. */
    public List<Object> nextParameters(Random random) {
        return parameters.next(random);
    }

    /** The SQL text with {@code values} written in as SQL literals. */
    public String render(List<Object> values) {
        return SqlLiterals.inline(sql, values);
    }

    @Override
    public String toString() {
        return name;
    }
}

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

package dev.autopilot.sql.rewrite;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * The outcome of {@link QueryRewriter#rewrite}: the statement to run, and what was done to it, for the query log and
 * for tests. An unchanged rewrite holds the very statement it was given.
 */
public final class Rewrite {
    private final SqlNode statement;
    private final boolean changed;
    private final List<String> rules;
    private final Map<String, Set<String>> usedColumns;
    private String sql;

    private Rewrite(SqlNode statement, boolean changed, List<String> rules, Map<String, Set<String>> usedColumns) {
        this.statement = statement;
        this.changed = changed;
        this.rules = rules;
        this.usedColumns = usedColumns;
    }

    static Rewrite unchanged(SqlNode statement) {
        return new Rewrite(statement, false, List.of(), Map.of());
    }

    static Rewrite changed(SqlNode statement, List<String> rules, Map<String, Set<String>> usedColumns) {
        return new Rewrite(statement, true, rules, usedColumns);
    }

    /** @return the statement to run: the original one when nothing changed */
    public SqlNode statement() {
        return statement;
    }

    /** @return whether any rule changed the statement */
    public boolean changed() {
        return changed;
    }

    /** @return the names of the rules that changed it, in the order they first did */
    public List<String> rules() {
        return rules;
    }

    /** @return the derived columns read instead of their expressions, by table ({@code SCHEMA.TABLE}) */
    public Map<String, Set<String>> usedColumns() {
        return usedColumns;
    }

    /** @return the statement as SQL text that Ignite's parser reads back to the same tree (printed on first call) */
    public String sql() {
        if (sql == null)
            sql = statement == null ? "" : RewritePrinter.print(statement);
        return sql;
    }

    @Override public String toString() {
        return changed ? rules + ": " + sql() : "unchanged";
    }
}

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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.calcite.sql.SqlIdentifier;

/** What one rewrite knows and has done: the layouts, the common table names in scope, the rules that fired. */
final class RewriteContext {
    private final LayoutSnapshot layouts;
    private final List<BlockRule> wrapperRules;
    private final boolean wrapsEveryTable;
    private final List<String> commonTables = new ArrayList<>();
    private final Set<String> fired = new LinkedHashSet<>();
    private final Map<String, Set<String>> used = new LinkedHashMap<>();
    private int replacements;

    RewriteContext(LayoutSnapshot layouts, List<BlockRule> wrapperRules) {
        this(layouts, wrapperRules, false);
    }

    private RewriteContext(LayoutSnapshot layouts, List<BlockRule> wrapperRules, boolean wrapsEveryTable) {
        this.layouts = layouts;
        this.wrapperRules = wrapperRules;
        this.wrapsEveryTable = wrapsEveryTable;
    }

    /** @return a context that wraps every table it has a layout of, with no rule inside the wrappers */
    static RewriteContext wrappingEveryTable(LayoutSnapshot layouts) {
        return new RewriteContext(layouts, List.of(), true);
    }

    /** @return whether every table with a layout is wrapped, not only those with derived columns */
    boolean wrapsEveryTable() {
        return wrapsEveryTable;
    }

    /** @return the rules that run on the block of each table wrapper */
    List<BlockRule> wrapperRules() {
        return wrapperRules;
    }

    /**
     * @param name a table name as written in FROM or INSERT INTO
     * @return its layout: {@code SCHEMA.T} by its full name, {@code T} only when one schema has a managed {@code T}
     *     and no common table expression in scope is called {@code T}
     */
    PartitionLayout layoutOf(SqlIdentifier name) {
        if (name.isStar())
            return null;
        if (name.names.size() == 2)
            return layouts.table(name.names.get(0) + '.' + name.names.get(1));
        if (name.names.size() != 1 || commonTables.contains(name.getSimple()))
            return null;
        List<PartitionLayout> candidates = layouts.bySimpleName(name.getSimple());
        return candidates.size() == 1 ? candidates.get(0) : null;
    }

    void enterWith(List<String> names) {
        commonTables.addAll(names);
    }

    void leaveWith(List<String> names) {
        for (int i = 0; i < names.size(); i++)
            commonTables.remove(commonTables.size() - 1);
    }

    void fired(String rule) {
        fired.add(rule);
    }

    /** Notes that a reference to {@code column} replaced an expression. */
    void used(PartitionLayout layout, String column) {
        replacements++;
        used.computeIfAbsent(layout.table().table(), t -> new LinkedHashSet<>()).add(column);
    }

    /** @return how many expressions derived columns have replaced so far */
    int replacements() {
        return replacements;
    }

    boolean changed() {
        return !fired.isEmpty();
    }

    List<String> firedRules() {
        return List.copyOf(fired);
    }

    Map<String, Set<String>> usedColumns() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        used.forEach((t, c) -> out.put(t, Set.copyOf(c)));
        return out;
    }
}

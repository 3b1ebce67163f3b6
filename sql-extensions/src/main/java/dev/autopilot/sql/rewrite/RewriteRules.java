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

/** The rules of the rewriter, in the order they run. */
final class RewriteRules {
    /** Writes out the target columns of an INSERT without a column list into a table with derived columns. */
    static final StatementRule INSERT_COLUMN_LIST = new InsertColumnListRule();

    /** Moves WHERE conjuncts that a table's derived columns can answer into that table's wrapper. */
    static final BlockRule FILTER_PUSHDOWN = new FilterPushdownRule();

    /** Narrows filters on expressions by their READY search keys, which Ignite can seek in an index. */
    static final BlockRule SEARCH_KEY = new SearchKeyRule();

    /** Reads READY derived columns instead of computing the expressions they hold. */
    static final BlockRule DERIVED_EXPRESSION = new DerivedExpressionRule();

    /** Forces an Autopilot index whose prefix a block's filter matches exactly (only when configured). */
    static final BlockRule INDEX_HINT = new IndexHintRule();

    /** Reads every table with derived columns through a projection of the user's columns, so nothing else sees them. */
    static final BlockRule TABLE_WRAP = new TableWrapRule();

    /** Keeps Ignite from planning a rewritten IN subquery with a map/reduce sort aggregate, which fails in 2.17. */
    static final StatementRule SORT_AGGREGATE_HINT = new SortAggregateHintRule();

    /**
     * The rules of a user's block: pushdown first, so that the derived columns its conjuncts use are read inside the
     * wrapper and never exposed by it; then derived columns for what stays outside.
     */
    static List<BlockRule> blockRules() {
        return List.of(FILTER_PUSHDOWN, DERIVED_EXPRESSION);
    }

    /**
     * The rules of a wrapper's own block (its WHERE holds the pushed conjuncts). Search keys before derived columns:
     * a derived column replacing part of an expression would hide the expression from its key. Index hints last: they
     * read predicates on derived columns.
     */
    static List<BlockRule> wrapperRules(RewriteConfig config) {
        return config.indexHints() ? List.of(SEARCH_KEY, DERIVED_EXPRESSION, INDEX_HINT)
            : List.of(SEARCH_KEY, DERIVED_EXPRESSION);
    }

    private RewriteRules() {
    }
}

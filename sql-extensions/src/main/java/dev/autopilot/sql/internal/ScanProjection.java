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

package dev.autopilot.sql.internal;

import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.ignite.internal.processors.query.calcite.rel.IgniteExchange;
import org.apache.ignite.internal.processors.query.calcite.rel.IgniteProject;
import org.apache.ignite.internal.processors.query.calcite.rel.IgniteRel;
import org.apache.ignite.internal.processors.query.calcite.rel.IgniteTrimExchange;
import org.apache.ignite.internal.processors.query.calcite.rel.ProjectableFilterableTableScan;
import org.apache.ignite.internal.processors.query.calcite.schema.IgniteTable;

/**
 * The one output expression of an optimized {@code SELECT <expr> FROM <table>} plan, over the table columns the scan
 * reads: what the scan would compute for each row. Exchanges pass rows unchanged; projections above the scan (the
 * planner adds one to restore the validated row type) are folded into the expression.
 */
final class ScanProjection {
    private final IgniteTable table;
    private final ImmutableBitSet requiredColumns;
    private final RexNode expression;

    private ScanProjection(IgniteTable table, ImmutableBitSet requiredColumns, RexNode expression) {
        this.table = table;
        this.requiredColumns = requiredColumns;
        this.expression = expression;
    }

    /** @throws IllegalArgumentException when the plan is not a single-table row-level projection */
    static ScanProjection of(IgniteRel plan, String expression) {
        RexNode expr = RexInputRef.of(0, plan.getRowType());
        RelNode rel = plan;
        while (!(rel instanceof ProjectableFilterableTableScan)) {
            if (rel instanceof IgniteProject)
                expr = inline(expr, ((IgniteProject)rel).getProjects());
            else if (!(rel instanceof IgniteExchange) && !(rel instanceof IgniteTrimExchange))
                throw notRowLevel(plan, expression);
            rel = rel.getInput(0);
        }
        ProjectableFilterableTableScan scan = (ProjectableFilterableTableScan)rel;
        if (scan.condition() != null)
            throw notRowLevel(plan, expression);
        if (scan.projects() != null)
            expr = inline(expr, scan.projects());
        IgniteTable table = scan.getTable().unwrap(IgniteTable.class);
        ImmutableBitSet required = scan.requiredColumns() != null ? scan.requiredColumns()
            : ImmutableBitSet.range(scan.getTable().getRowType().getFieldCount());
        return new ScanProjection(table, required, expr);
    }

    IgniteTable table() {
        return table;
    }

    /** @return the table columns the scan reads, by index in the table's full row type */
    ImmutableBitSet requiredColumns() {
        return requiredColumns;
    }

    /** @return the expression over the required columns, in their order */
    RexNode expression() {
        return expression;
    }

    private static RexNode inline(RexNode expr, List<RexNode> below) {
        return expr.accept(new RexShuttle() {
            @Override public RexNode visitInputRef(RexInputRef ref) {
                return below.get(ref.getIndex());
            }
        });
    }

    private static IllegalArgumentException notRowLevel(RelNode plan, String expression) {
        return new IllegalArgumentException("Not a row-level expression over one table: " + expression + "; plan: "
            + RelOptUtil.toString(plan));
    }
}

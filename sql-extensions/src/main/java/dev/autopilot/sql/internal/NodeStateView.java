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

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.spi.systemview.view.SystemViewRowAttributeWalker;

/**
 * {@code SYS.AUTOPILOT_NODE}: what Autopilot on this node does now, one row, registered with Ignite's system-view
 * manager so that SQL on this node, JMX and {@code control.sh --system-view} (per node or all nodes) show it. The
 * {@code AUTOPILOT} tables hold what the cluster shares; this is what each node holds for itself: the layout version
 * it rewrites statements with may lag the cluster's for a moment, and a node whose plan cache was last cleared
 * before a layout change can still serve plans made for the layouts before it.
 */
public final class NodeStateView {
    /** The view's name; Ignite exposes it to SQL as {@code SYS.AUTOPILOT_NODE}. */
    public static final String NAME = "autopilot.node";

    /**
     * The row.
     *
     * @param nodeId this node
     * @param layoutVersion the version of the partition layouts this node rewrites statements with
     * @param tablesWithLayout tables whose layout this node follows
     * @param statementsRewritten statements this node rewrote to read a derived column, since it started
     * @param executionsCaptured SQL executions counted in this node's query log, since it started
     * @param lastPlanCacheClear when this node last cleared its query plan cache after a change of what the rewriter
     *     does, or null if it has not
     */
    public record NodeState(UUID nodeId, long layoutVersion, int tablesWithLayout, long statementsRewritten,
        long executionsCaptured, Date lastPlanCacheClear) {
    }

    private NodeStateView() {
    }

    /** Registers the view on the node of {@code ctx}, computing its row from {@code state} at each read. */
    public static void register(GridKernalContext ctx, Supplier<NodeState> state) {
        ctx.systemView().registerView(NAME, "Autopilot on this node: layout version, rewrites, captures, plan cache",
            new Walker(), () -> List.of(state.get()), s -> s);
    }

    /** Lists the row's attributes to Ignite, in the order of the record's components. */
    private static final class Walker implements SystemViewRowAttributeWalker<NodeState> {
        @Override public int count() {
            return 6;
        }

        @Override public void visitAll(AttributeVisitor v) {
            v.accept(0, "nodeId", UUID.class);
            v.accept(1, "layoutVersion", long.class);
            v.accept(2, "tablesWithLayout", int.class);
            v.accept(3, "statementsRewritten", long.class);
            v.accept(4, "executionsCaptured", long.class);
            v.accept(5, "lastPlanCacheClear", Date.class);
        }

        @Override public void visitAll(NodeState row, AttributeWithValueVisitor v) {
            v.accept(0, "nodeId", UUID.class, row.nodeId());
            v.acceptLong(1, "layoutVersion", row.layoutVersion());
            v.acceptInt(2, "tablesWithLayout", row.tablesWithLayout());
            v.acceptLong(3, "statementsRewritten", row.statementsRewritten());
            v.acceptLong(4, "executionsCaptured", row.executionsCaptured());
            v.accept(5, "lastPlanCacheClear", Date.class, row.lastPlanCacheClear());
        }
    }
}

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

package dev.autopilot.sql.tables;

import java.sql.Timestamp;
import java.util.List;
import dev.autopilot.sql.tables.SystemTable.Column;
import dev.autopilot.sql.tables.SystemTable.Retention;

/** The tables of the {@code AUTOPILOT} schema: what Autopilot observed, readable from any SQL client. */
public final class AutopilotTables {
    /** Sampled executions, a bounded ring per node. */
    public static final SystemTable QUERY_LOG = new SystemTable("QUERY_LOG",
        List.of(col("NODE_ID", String.class), col("SLOT", Integer.class)),
        List.of(col("SEQ", Long.class), col("TEMPLATE_ID", String.class), col("ORIGINAL_SQL", String.class),
            col("START_TIME", Timestamp.class), col("LATENCY_MS", Long.class), col("FAILED", Boolean.class)),
        Retention.SINCE_MODIFIED);

    /** Statement templates and what they do. */
    public static final SystemTable QUERY_TEMPLATES = new SystemTable("QUERY_TEMPLATES",
        List.of(col("TEMPLATE_ID", String.class)),
        List.of(col("SCHEMA_NAME", String.class), col("KIND", String.class), col("TEMPLATE", String.class),
            col("TABLES", String.class), col("PROJECTIONS", String.class), col("GROUP_BY", String.class),
            col("PREDICATES", String.class), col("LAST_SEEN", Timestamp.class)),
        Retention.SINCE_MODIFIED);

    /** The filters of each template, one row each. */
    public static final SystemTable TEMPLATE_PREDICATES = new SystemTable("TEMPLATE_PREDICATES",
        List.of(col("TEMPLATE_ID", String.class), col("POS", Integer.class)),
        List.of(col("TABLE_NAME", String.class), col("EXPRESSION", String.class), col("COLUMNS", String.class),
            col("OPERATOR", String.class), col("PLACEHOLDERS", String.class), col("ON_EXPRESSION", Boolean.class),
            col("DISJUNCTIVE", Boolean.class)),
        Retention.SINCE_MODIFIED);

    /** Executions and latency per template, window and node. */
    public static final SystemTable TEMPLATE_STATS = new SystemTable("TEMPLATE_STATS",
        List.of(col("WINDOW_START", Timestamp.class), col("TEMPLATE_ID", String.class), col("NODE_ID", String.class)),
        List.of(col("WINDOW_END", Timestamp.class), col("EXECUTIONS", Long.class), col("FAILURES", Long.class),
            col("MEAN_LATENCY_MS", Double.class), col("P95_LATENCY_MS", Double.class),
            col("MAX_LATENCY_MS", Double.class), col("LATENCY_HISTOGRAM", String.class)),
        Retention.SINCE_CREATED);

    /** Reads and writes per table, window and node. */
    public static final SystemTable TABLE_ACCESS = new SystemTable("TABLE_ACCESS",
        List.of(col("WINDOW_START", Timestamp.class), col("TABLE_NAME", String.class), col("NODE_ID", String.class)),
        List.of(col("READS", Long.class), col("WRITES", Long.class)),
        Retention.SINCE_CREATED);

    /** Size and access of each managed table. */
    public static final SystemTable TABLE_STATS = new SystemTable("TABLE_STATS",
        List.of(col("TABLE_NAME", String.class)),
        List.of(col("CACHE_NAME", String.class), col("ROWS", Long.class), col("SIZE_BYTES", Long.class),
            col("AVG_ROW_BYTES", Double.class), col("READS", Long.class), col("WRITES", Long.class),
            col("ACCESS_WINDOW_START", Timestamp.class), col("SAMPLED_ROWS", Long.class),
            col("REFRESHED_AT", Timestamp.class)),
        Retention.KEEP);

    /** Per-column statistics of each managed table, with an equi-depth histogram. */
    public static final SystemTable COLUMN_STATS = new SystemTable("COLUMN_STATS",
        List.of(col("TABLE_NAME", String.class), col("COLUMN_NAME", String.class)),
        List.of(col("DATA_TYPE", String.class), col("DISTINCT_COUNT", Long.class), col("NULL_COUNT", Long.class),
            col("MIN_VALUE", String.class), col("MAX_VALUE", String.class), col("HISTOGRAM", String.class),
            col("BUCKETS", Integer.class), col("REFRESHED_AT", Timestamp.class)),
        Retention.KEEP);

    /** Forecast statements per window of each managed table, per horizon, with a prediction interval. */
    public static final SystemTable LOAD_FORECASTS = new SystemTable("LOAD_FORECASTS",
        List.of(col("TABLE_NAME", String.class), col("HORIZON", Integer.class)),
        List.of(col("WINDOW_START", Timestamp.class), col("PREDICTED", Double.class), col("LOWER", Double.class),
            col("UPPER", Double.class), col("MODEL", String.class), col("TRAINED_AT", Timestamp.class)),
        Retention.KEEP);

    /** The latest schema profile of each managed table (partition), with the benefit it expects. */
    public static final SystemTable SCHEMA_PROFILES = new SystemTable("SCHEMA_PROFILES",
        List.of(col("TABLE_NAME", String.class)),
        List.of(col("PARTITION_ID", String.class), col("VERSION", Long.class), col("DERIVED_ATTRIBUTES", String.class),
            col("COMPOSITE_INDEX", String.class), col("INDEXES", String.class),
            col("ROWS_READ_SAVED_PER_SECOND", Double.class), col("MEMORY_BYTES", Long.class),
            col("NET_GAIN", Double.class), col("WINDOW_START", Timestamp.class), col("WINDOW_END", Timestamp.class),
            col("QUERIES", Long.class), col("PROFILE", String.class), col("GENERATED_AT", Timestamp.class)),
        Retention.KEEP);

    /** Statements the rewriter changed, per node: the original, what was planned instead, and what it used. */
    public static final SystemTable QUERY_REWRITES = new SystemTable("QUERY_REWRITES",
        List.of(col("NODE_ID", String.class), col("ORIGINAL_SQL", String.class)),
        List.of(col("REWRITTEN_SQL", String.class), col("RULES", String.class), col("COLUMNS_USED", String.class),
            col("LAYOUT_VERSION", Long.class), col("REWRITTEN_AT", Timestamp.class)),
        Retention.SINCE_CREATED);

    /** What Autopilot added to each table: derived columns with their state, indexes, and the layout version. */
    public static final SystemTable PARTITION_LAYOUTS = new SystemTable("PARTITION_LAYOUTS",
        List.of(col("TABLE_NAME", String.class)),
        List.of(col("VERSION", Long.class), col("DERIVED_COLUMNS", String.class), col("INDEXES", String.class),
            col("REWRITABLE", Boolean.class), col("LAYOUT", String.class), col("CHANGED_AT", Timestamp.class)),
        Retention.KEEP);

    /**
     * One row per adaptation of a partition to a profile: its step, fill progress, the layout before it (for a
     * rollback) and its owner's fence token, so that a node taking over resumes it where it stopped; what triggered
     * it, the gain its profile expected and the latency measured before it and after its cut-over; while it fills, how
     * far it got (percent, rows per second, seconds left) and how much the throttle pauses it.
     */
    public static final SystemTable ADAPTATIONS = new SystemTable("ADAPTATIONS",
        List.of(col("ADAPTATION_ID", String.class)),
        List.of(col("TABLE_NAME", String.class), col("STEP", String.class), col("ROWS_FILLED", Long.class),
            col("NEXT_PARTITION", Integer.class), col("OWNER", String.class), col("OUTCOME", String.class),
            col("REASON", String.class), col("STARTED_AT", Timestamp.class), col("UPDATED_AT", Timestamp.class),
            col("PROFILE", String.class), col("PLAN", String.class), col("LAYOUT_BEFORE", String.class),
            col("TRIGGER", String.class), col("EXPECTED_GAIN", Double.class), col("CUT_OVER_AT", Timestamp.class),
            col("LATENCY_BEFORE_MS", Double.class), col("LATENCY_AFTER_MS", Double.class),
            col("ROWS_TOTAL", Long.class), col("FILL_STARTED_AT", Timestamp.class),
            col("FILL_PAUSE_RATIO", Double.class), col("PERCENT_FILLED", Double.class),
            col("ROWS_PER_SECOND", Double.class), col("ETA_SECONDS", Double.class)),
        Retention.KEEP);

    /** Tables Autopilot must not adapt, whatever it measures; users insert and delete rows here. */
    public static final SystemTable ADAPTATION_PINS = new SystemTable("ADAPTATION_PINS",
        List.of(col("TABLE_NAME", String.class)),
        List.of(col("REASON", String.class), col("PINNED_AT", Timestamp.class)),
        Retention.KEEP);

    /**
     * The one writer of each table's layout while it changes: an adaptation ({@code ADAPTATION_ID}) from its request
     * until it is finished, or a call of the Java API ({@code HOLDER}) while it runs on {@code NODE_ID}.
     */
    public static final SystemTable TABLE_OWNERS = new SystemTable("TABLE_OWNERS",
        List.of(col("TABLE_NAME", String.class)),
        List.of(col("ADAPTATION_ID", String.class), col("HOLDER", String.class), col("NODE_ID", String.class),
            col("SINCE", Timestamp.class)),
        Retention.KEEP);

    /**
     * Commands users give the adaptation manager from any SQL client: a row {@code (COMMAND_ID, COMMAND,
     * ADAPTATION_ID, REASON)} with {@code COMMAND} one of {@code APPLY}, {@code REJECT} (recommendations) or
     * {@code ROLLBACK}, or {@code (COMMAND_ID, COMMAND, PROFILE)} with {@code COMMAND} {@code REQUEST} and a schema
     * profile's JSON; the manager carries it out within a second and writes {@code RESULT} and {@code EXECUTED_AT}
     * (and for a request, the new adaptation's {@code ADAPTATION_ID}).
     */
    public static final SystemTable ADAPTATION_COMMANDS = new SystemTable("ADAPTATION_COMMANDS",
        List.of(col("COMMAND_ID", String.class)),
        List.of(col("COMMAND", String.class), col("ADAPTATION_ID", String.class), col("REASON", String.class),
            col("RESULT", String.class), col("EXECUTED_AT", Timestamp.class), col("PROFILE", String.class)),
        Retention.SINCE_CREATED);

    /** Reads and writes per partition of a cache, window and node, counted by the predictive load balancer. */
    public static final SystemTable PARTITION_LOAD = new SystemTable("PARTITION_LOAD",
        List.of(col("WINDOW_START", Timestamp.class), col("CACHE_NAME", String.class), col("PARTITION_ID", Integer.class),
            col("NODE_ID", String.class)),
        List.of(col("WINDOW_END", Timestamp.class), col("READS", Long.class), col("WRITES", Long.class)),
        Retention.SINCE_CREATED);

    /** What the placement advisor decided per cache and window of partition load, why, and how its prediction held. */
    public static final SystemTable PLACEMENT_DECISIONS = new SystemTable("PLACEMENT_DECISIONS",
        List.of(col("CACHE_NAME", String.class), col("WINDOW_START", Timestamp.class)),
        List.of(col("WINDOW_END", Timestamp.class), col("DECIDED_AT", Timestamp.class), col("MODE", String.class),
            col("REASON", String.class), col("MOVE_COUNT", Integer.class), col("MOVES", String.class),
            col("NODE_LOAD", String.class), col("PLANNED_LOAD", String.class), col("PREDICTED_PEAK", Double.class),
            col("ACTUAL_PEAK", Double.class), col("PLAN", String.class)),
        Retention.SINCE_CREATED);

    /**
     * One row per decision to change a cache's node set ahead of predicted load (add a standby node before a spike,
     * remove it after): why, the plan and the partitions that move, the load predicted for the spike window against
     * the load measured in it, and the rebalance time estimated against the time taken. In dry run only the decision
     * is recorded.
     */
    public static final SystemTable PLAN_CHANGES = new SystemTable("PLAN_CHANGES",
        List.of(col("CHANGE_ID", String.class)),
        List.of(col("CACHE_NAME", String.class), col("MODE", String.class), col("ACTION", String.class),
            col("OUTCOME", String.class), col("REASON", String.class), col("NODES_BEFORE", String.class),
            col("NODES_AFTER", String.class), col("PLAN_REUSED", Boolean.class), col("PARTITIONS_MOVED", Integer.class),
            col("MOVED", String.class), col("ROWS_MOVED", Long.class), col("PREDICTED_LOAD", Double.class),
            col("CAPACITY", Double.class), col("ACTUAL_LOAD", Double.class), col("SPIKE_AT", Timestamp.class),
            col("DECIDED_AT", Timestamp.class), col("STARTED_AT", Timestamp.class), col("ENDED_AT", Timestamp.class),
            col("REBALANCE_ESTIMATE_MS", Long.class), col("REBALANCE_ACTUAL_MS", Long.class),
            col("PLAN", String.class)),
        Retention.KEEP);

    /** Every table, in creation order. */
    public static final List<SystemTable> ALL = List.of(QUERY_LOG, QUERY_TEMPLATES, TEMPLATE_PREDICATES,
        TEMPLATE_STATS, TABLE_ACCESS, TABLE_STATS, COLUMN_STATS, LOAD_FORECASTS, SCHEMA_PROFILES, QUERY_REWRITES,
        PARTITION_LAYOUTS, ADAPTATIONS, ADAPTATION_PINS, TABLE_OWNERS, ADAPTATION_COMMANDS, PARTITION_LOAD,
        PLACEMENT_DECISIONS, PLAN_CHANGES);

    private AutopilotTables() {
    }

    private static Column col(String name, Class<?> type) {
        return new Column(name, type);
    }
}

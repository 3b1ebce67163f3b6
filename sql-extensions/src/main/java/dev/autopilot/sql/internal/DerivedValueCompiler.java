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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import dev.autopilot.sql.derived.DerivedValueFunction;
import dev.autopilot.sql.expression.DerivedExpression;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.tools.ValidationException;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.affinity.AffinityTopologyVersion;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;
import org.apache.ignite.internal.processors.query.calcite.exec.ArrayRowHandler;
import org.apache.ignite.internal.processors.query.calcite.exec.ExecutionContext;
import org.apache.ignite.internal.processors.query.calcite.exec.tracker.NoOpIoTracker;
import org.apache.ignite.internal.processors.query.calcite.exec.tracker.NoOpMemoryTracker;
import org.apache.ignite.internal.processors.query.calcite.prepare.BaseQueryContext;
import org.apache.ignite.internal.processors.query.calcite.prepare.IgnitePlanner;
import org.apache.ignite.internal.processors.query.calcite.prepare.PlannerHelper;
import org.apache.ignite.internal.processors.query.calcite.prepare.PlanningContext;
import org.apache.ignite.internal.processors.query.calcite.rel.IgniteRel;
import org.apache.ignite.internal.processors.query.calcite.schema.CacheTableDescriptor;
import org.apache.ignite.internal.processors.query.calcite.schema.ColumnDescriptor;
import org.apache.ignite.internal.processors.query.calcite.util.Commons;

/**
 * Compiles a derived column's expression with Ignite's own Calcite engine (2.17), so that the value computed on a
 * write is the value SQL computes: {@code SELECT <expr> FROM <table>} is validated and optimized by Ignite's planner
 * exactly as a user's query, the projection the planner pushes into the table scan is taken out of the plan
 * ({@link ScanProjection}) and compiled by Ignite's expression factory into the same generated code the scan runs.
 * Compiling takes milliseconds; keep the result.
 */
public final class DerivedValueCompiler {
    private static final long PLANNER_TIMEOUT_MS = 15_000;

    private DerivedValueCompiler() {
    }

    /** Compiles a checked expression; see {@link #compile(Ignite, String, String, String)}. */
    public static DerivedValueFunction compile(Ignite node, String schema, String table, DerivedExpression expr) {
        return compile(node, schema, table, expr.canonical());
    }

    /**
     * @param node a started server or client node running the Calcite engine
     * @param schema the SQL schema, as Ignite stores the name (e.g. {@code PUBLIC})
     * @param table the table, as Ignite stores the name (e.g. {@code LINEITEM})
     * @param expression one scalar SQL expression over the table's columns
     * @return the compiled expression with its result type
     * @throws IllegalArgumentException when the expression does not parse, does not validate against the table, is
     *     not a row-level expression, or has a type no column can hold unchanged
     */
    public static DerivedValueFunction compile(Ignite node, String schema, String table, String expression) {
        GridKernalContext kernal = ((IgniteEx)node).context();
        CalciteQueryProcessor engine = Commons.lookupComponent(kernal, CalciteQueryProcessor.class);
        if (engine == null)
            throw new IllegalStateException("The Calcite query engine is not running on node " + node.name());
        SchemaPlus schemaPlus = engine.schemaHolder().schema(schema);
        if (schemaPlus == null)
            throw new IllegalArgumentException("No SQL schema " + schema);
        BaseQueryContext base = BaseQueryContext.builder()
            .frameworkConfig(CalciteQueryProcessor.FRAMEWORK_CONFIG)
            .defaultSchema(schemaPlus)
            .logger(kernal.log(DerivedValueCompiler.class))
            .build();

        IgniteRel plan = optimize(base, select(expression, schema, table), expression);
        ScanProjection projection = ScanProjection.of(plan, expression);
        RelDataType resultType = plan.getRowType().getFieldList().get(0).getType();
        String columnType = SqlColumnTypes.ddl(resultType, projection.expression(), expression);

        ExecutionContext<Object[]> ctx = new ExecutionContext<>(base, null, UUID.randomUUID(), kernal.localNodeId(),
            kernal.localNodeId(), AffinityTopologyVersion.NONE, null, ArrayRowHandler.INSTANCE,
            NoOpMemoryTracker.INSTANCE, NoOpIoTracker.INSTANCE, 0, Map.of(), null);
        RelDataType inputType = projection.table().getRowType(ctx.getTypeFactory(), projection.requiredColumns());
        Function<Object[], Object[]> code = ctx.expressionFactory()
            .project(List.of(projection.expression()), inputType);

        CacheTableDescriptor descriptor = projection.table().descriptor() instanceof CacheTableDescriptor
            ? (CacheTableDescriptor)projection.table().descriptor() : null;
        if (descriptor == null)
            throw new IllegalArgumentException(schema + '.' + table + " is not a cache table");
        List<ColumnDescriptor> all = new ArrayList<>(descriptor.columnDescriptors());
        List<ColumnReader> readers = new ArrayList<>();
        for (int i : projection.requiredColumns())
            readers.add(ColumnReader.of(descriptor.typeDescription(), all.get(i)));

        return new CompiledDerivedValue(expression, columnType, readers, code, ctx,
            ctx.getTypeFactory().getResultClass(resultType));
    }

    /** Builds the query as a tree, so that the expression text cannot reach beyond the select list. */
    private static SqlSelect select(String expression, String schema, String table) {
        SqlNode expr;
        try {
            expr = SqlParser.create(expression, CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig())
                .parseExpression();
        }
        catch (SqlParseException | CalciteContextException e) {
            throw new IllegalArgumentException("Not a valid SQL expression: " + expression, e);
        }
        SqlParserPos pos = SqlParserPos.ZERO;
        return new SqlSelect(pos, null, SqlNodeList.of(expr), new SqlIdentifier(List.of(schema, table), pos),
            null, null, null, null, null, null, null, null, null);
    }

    private static IgniteRel optimize(BaseQueryContext base, SqlSelect query, String expression) {
        PlanningContext planning = PlanningContext.builder()
            .parentContext(base)
            .query(query.toString())
            .plannerTimeout(PLANNER_TIMEOUT_MS)
            .build();
        try (IgnitePlanner planner = planning.planner()) {
            SqlNode validated = planner.validate(query);
            return PlannerHelper.optimize(validated, planner, base.logger());
        }
        catch (ValidationException | CalciteContextException e) {
            throw new IllegalArgumentException("Invalid derived expression " + expression + ": "
                + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()), e);
        }
    }
}

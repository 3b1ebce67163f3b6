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
import dev.autopilot.sql.StatementHook;
import dev.autopilot.sql.StatementParser;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.util.SourceStringReader;
import org.apache.ignite.IgniteSystemProperties;
import org.apache.ignite.internal.GridKernalContext;
import org.apache.ignite.internal.processors.query.calcite.CalciteQueryProcessor;
import org.apache.ignite.internal.processors.query.calcite.util.Commons;

/**
 * The two things Autopilot takes from Ignite's Calcite engine (2.17): the {@link FrameworkConfig} a plugin may hand
 * to the engine, here with a parser that calls a {@link StatementHook}, and the engine's own parser settings.
 */
public final class CalciteHook {
    private CalciteHook() {
    }

    /**
     * @param hook sees every statement Ignite parses on this node
     * @return the engine's default framework configuration with the hooked parser
     */
    public static FrameworkConfig frameworkConfig(StatementHook hook) {
        FrameworkConfig base = CalciteQueryProcessor.FRAMEWORK_CONFIG;
        SqlParserImplFactory factory = reader -> {
            HookedSqlParser parser = new HookedSqlParser(reader, hook);
            if (reader instanceof SourceStringReader)
                parser.setOriginalSql(((SourceStringReader)reader).getSourceString());
            return parser;
        };
        return Frameworks.newConfigBuilder(base)
            .parserConfig(base.getParserConfig().withParserFactory(factory))
            .build();
    }

    /**
     * Forgets every plan this node cached, so that no statement runs by a plan made before a change that DDL does not
     * announce (a partition layout switching which structures queries use). Does nothing before the engine starts.
     */
    public static void clearPlanCache(GridKernalContext ctx) {
        CalciteQueryProcessor engine = Commons.lookupComponent(ctx, CalciteQueryProcessor.class);
        if (engine != null)
            engine.queryPlanCache().clear();
    }

    /**
     * @return how long Ignite plans one statement at most ({@code IGNITE_CALCITE_PLANNER_TIMEOUT}, 15 s by default:
     *     then it takes the best plan found so far)
     */
    public static long plannerTimeoutMillis() {
        return IgniteSystemProperties.getLong(CalciteQueryProcessor.IGNITE_CALCITE_PLANNER_TIMEOUT, 15_000);
    }

    /** @return a parser with the engine's grammar and settings, without any hook */
    public static StatementParser plainParser() {
        return parser(CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig());
    }

    /**
     * @return a parser for statement text as Ignite registers it with its running queries: the parsed tree printed
     *     back, identifiers quoted in back-ticks
     */
    public static StatementParser registeredTextParser() {
        return parser(CalciteQueryProcessor.FRAMEWORK_CONFIG.getParserConfig().withQuoting(Quoting.BACK_TICK));
    }

    private static StatementParser parser(SqlParser.Config cfg) {
        return sql -> {
            try {
                return List.copyOf(SqlParser.create(sql, cfg).parseStmtList().getList());
            }
            catch (SqlParseException | CalciteContextException e) {
                throw new IllegalArgumentException("Invalid SQL: " + e.getMessage(), e);
            }
        };
    }
}

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

package dev.autopilot.adaptation.manage;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.autopilot.sql.analysis.Names;
import dev.autopilot.sql.analysis.StatementKind;
import org.apache.ignite.Ignite;
import org.apache.ignite.cache.query.SqlFieldsQuery;

import static dev.autopilot.sql.tables.AutopilotTables.QUERY_TEMPLATES;
import static dev.autopilot.sql.tables.AutopilotTables.TEMPLATE_STATS;

/** Reads table latencies from the cluster-wide query log, {@code AUTOPILOT.TEMPLATE_STATS} of every node. */
public final class QueryLogLatencies implements TableLatencies {
    private static final String PER_TEMPLATE = "SELECT t.TEMPLATE_ID, t.SCHEMA_NAME, t.KIND, t.TABLES, "
        + "SUM(s.EXECUTIONS), SUM(s.MEAN_LATENCY_MS * s.EXECUTIONS) FROM " + TEMPLATE_STATS.name() + " s JOIN "
        + QUERY_TEMPLATES.name() + " t ON t.TEMPLATE_ID = s.TEMPLATE_ID WHERE s.WINDOW_START >= ? "
        + "AND s.WINDOW_END <= ? GROUP BY t.TEMPLATE_ID, t.SCHEMA_NAME, t.KIND, t.TABLES";

    private final Ignite ignite;

    /** @param ignite a node of the cluster */
    public QueryLogLatencies(Ignite ignite) {
        this.ignite = ignite;
    }

    @Override public Map<String, TemplateLatency> measure(String table, long fromMillis, long toMillis) {
        SqlFieldsQuery q = new SqlFieldsQuery(PER_TEMPLATE).setSchema("AUTOPILOT")
            .setArgs(new Timestamp(fromMillis), new Timestamp(toMillis));
        Map<String, TemplateLatency> out = new HashMap<>();
        for (List<?> r : ignite.cache(TEMPLATE_STATS.cacheName()).query(q).getAll()) {
            long executions = ((Number)r.get(4)).longValue();
            if (executions == 0 || !touches((String)r.get(1), (String)r.get(3), table))
                continue;
            out.put((String)r.get(0), new TemplateLatency(executions, ((Number)r.get(5)).doubleValue() / executions,
                StatementKind.SELECT.name().equals(r.get(2))));
        }
        return out;
    }

    /** @return whether a template of {@code schema} that reads {@code tables} (as written) touches {@code table} */
    private static boolean touches(String schema, String tables, String table) {
        for (String t : tables.split(", ")) {
            if (!t.isEmpty() && Names.qualify(schema, t).equals(table))
                return true;
        }
        return false;
    }
}

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

import java.util.function.Consumer;
import dev.autopilot.sql.capture.FinishedQuery;
import org.apache.ignite.Ignite;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.processors.cache.query.GridCacheQueryType;
import org.apache.ignite.internal.processors.query.GridQueryFinishedInfo;
import org.apache.ignite.internal.processors.query.running.RunningQueryManager;

/**
 * Reports every finished SQL execution on a node, cache hits included, through the running-query registry's
 * finish listener: the only place Ignite 2.17 tells about each execution. Ignite calls it on its public pool,
 * after the client has fetched the last row.
 */
public final class QueryFinishTap implements AutoCloseable {
    private final RunningQueryManager queries;
    private final Consumer<GridQueryFinishedInfo> listener;

    private QueryFinishTap(RunningQueryManager queries, Consumer<GridQueryFinishedInfo> listener) {
        this.queries = queries;
        this.listener = listener;
    }

    /**
     * @param ignite the local node
     * @param sink receives each finished SQL statement
     * @return the installed tap; close it to stop
     */
    public static QueryFinishTap install(Ignite ignite, Consumer<FinishedQuery> sink) {
        RunningQueryManager queries = ((IgniteEx)ignite).context().query().runningQueryManager();
        Consumer<GridQueryFinishedInfo> listener = info -> {
            if (info.queryType() == GridCacheQueryType.SQL_FIELDS) {
                sink.accept(new FinishedQuery(info.query(), info.schemaName(), info.nodeId(), info.startTime(),
                    info.finishTime(), info.failed()));
            }
        };
        queries.registerQueryFinishedListener(listener);
        return new QueryFinishTap(queries, listener);
    }

    @Override public void close() {
        queries.unregisterQueryFinishedListener(listener);
    }
}

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

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.binary.BinaryObject;

import static dev.autopilot.sql.tables.AutopilotTables.QUERY_REWRITES;

/** Writes the rewrites this node's {@link RewritingHook} made to {@code AUTOPILOT.QUERY_REWRITES}. */
public final class RewritePublisher {
    private final Ignite ignite;
    private final RewritingHook hook;

    public RewritePublisher(Ignite ignite, RewritingHook hook) {
        this.ignite = ignite;
        this.hook = hook;
    }

    /** Writes the rewrites made since the last call, one row per node and original statement. */
    public void publish() {
        IgniteBinary bin = ignite.binary();
        String node = ignite.cluster().localNode().id().toString();
        Map<Object, BinaryObject> rows = new HashMap<>();
        for (RewritingHook.Made m = hook.poll(); m != null; m = hook.poll()) {
            rows.put(QUERY_REWRITES.key(bin, node, m.originalSql()), QUERY_REWRITES.value(bin, m.rewrite().sql(),
                String.join(", ", m.rewrite().rules()), m.rewrite().usedColumns().toString(), m.layoutVersion(),
                new Timestamp(m.at())));
        }
        if (!rows.isEmpty())
            QUERY_REWRITES.cache(ignite).putAll(rows);
    }
}

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

package dev.autopilot.sql.capture;

import java.util.UUID;

/**
 * One finished execution of a SQL statement, as Ignite's running-query registry reports it.
 *
 * @param sql the statement text Ignite registered: the parsed (and possibly rewritten) tree printed back
 * @param schema the schema it ran in
 * @param node the node that ran it
 * @param startMillis when it started, from Ignite's coarse clock (about 10 ms steps)
 * @param finishMillis when the client had fetched its last row, same clock
 * @param failed whether it ended with an error
 */
public record FinishedQuery(String sql, String schema, UUID node, long startMillis, long finishMillis, boolean failed) {
    /** @return the latency in milliseconds: coarse per execution, unbiased on average */
    public long latencyMillis() {
        return Math.max(0, finishMillis - startMillis);
    }
}

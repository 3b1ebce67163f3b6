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

package dev.autopilot.sql.log;

import java.util.UUID;

/**
 * One sampled execution in the query log.
 *
 * @param seq the node-local sequence number
 * @param templateId the template it belongs to
 * @param originalSql the text the client sent
 * @param node the node that ran it
 * @param startMillis when it started
 * @param latencyMillis how long it ran, including the client's fetching of rows
 * @param failed whether it ended with an error
 */
public record ExecutionRecord(long seq, String templateId, String originalSql, UUID node, long startMillis,
    long latencyMillis, boolean failed) {
}

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
 * Statements that read or wrote a table in one window on one node.
 *
 * @param windowStart start of the window, epoch millis
 * @param table {@code SCHEMA.TABLE}
 * @param node the node that ran the statements
 * @param reads SELECT executions that read the table
 * @param writes DML executions that wrote it
 */
public record TableAccess(long windowStart, String table, UUID node, long reads, long writes) {
}

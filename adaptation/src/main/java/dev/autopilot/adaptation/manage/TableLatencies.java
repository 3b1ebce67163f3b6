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

import java.util.Map;

/** Where the manager reads how fast a table's statements ran: the cluster-wide query log. */
public interface TableLatencies {
    /**
     * @param table {@code SCHEMA.TABLE}
     * @param fromMillis start of the first window, inclusive
     * @param toMillis end of the last window, exclusive
     * @return per template id, the statements on {@code table} that ran in the complete windows of that span
     */
    Map<String, TemplateLatency> measure(String table, long fromMillis, long toMillis);
}

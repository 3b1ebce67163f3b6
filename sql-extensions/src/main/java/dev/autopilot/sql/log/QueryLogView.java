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

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** What users read of a node's {@link QueryLog}: its windows, templates and kept executions; nothing that changes it. */
public interface QueryLogView {
    /** @return the start of the window that holds {@code millis} */
    long windowOf(long millis);

    /** @return the start of the current window */
    long currentWindow();

    /** @return the window length in milliseconds */
    long windowMillis();

    /** @return every template this node has seen */
    Collection<Template> templates();

    /** @return the template with that id, if this node has seen it */
    Template templateById(String id);

    /** @return this node's statistics of every template in every window it still holds */
    List<TemplateWindowStats> windowStats();

    /** @return the kept execution records, oldest first */
    List<ExecutionRecord> recent();

    /** @return executions counted since start */
    long executions();

    /** @return executions not attributed to a template because the template limit was reached */
    long droppedTemplates();

    /** @return this node's id */
    UUID node();
}

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

/**
 * Bounds of a node's query log; together they cap its memory.
 *
 * @param windowMillis length of a statistics window
 * @param maxTemplates distinct templates tracked per node; executions of further templates are counted as dropped
 * @param recentCapacity execution records kept per node (a ring: the oldest is overwritten)
 * @param samplesPerTemplateWindow execution records kept per template and window; every execution is still counted
 *     in the template's window statistics
 */
public record QueryLogSettings(long windowMillis, int maxTemplates, int recentCapacity, int samplesPerTemplateWindow) {
}

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

/**
 * How often one statement template ran in a span of windows, and how fast.
 *
 * @param executions executions in the span
 * @param meanMs mean latency, in ms
 * @param read whether the template is a query (not a write)
 */
public record TemplateLatency(long executions, double meanMs, boolean read) {
}

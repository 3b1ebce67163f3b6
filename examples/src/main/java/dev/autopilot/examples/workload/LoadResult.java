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

package dev.autopilot.examples.workload;

import java.time.Duration;

/**
 * What {@link TpchLoader#load()} wrote: the row counts the cluster acknowledged and how long it took, so a demo
 * or benchmark can report them and a test can compare them with what the generator produced.
 *
 * @param orders rows inserted into ORDERS
 * @param lineItems rows inserted into LINEITEM
 * @param elapsed wall time of the whole load
 */
public record LoadResult(long orders, long lineItems, Duration elapsed) {
    /** Rows per second over both tables. */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;

        return seconds > 0 ? (orders + lineItems) / seconds : 0;
    }
}

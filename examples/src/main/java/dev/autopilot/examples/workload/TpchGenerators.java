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

import io.trino.tpch.Distributions;
import io.trino.tpch.LineItemGenerator;
import io.trino.tpch.OrderGenerator;
import io.trino.tpch.TextPool;

/**
 * The {@code io.trino.tpch} generators the loader uses, sharing one small text pool.
 *
 * <p>TPC-H's own pool is 300 MB of generated text and takes about 5 s to build; comments are the only columns drawn
 * from it. An 8 MB pool gives other (equally deterministic) comments and leaves every other column exactly as
 * dbgen makes it, without the heap and the wait.
 */
final class TpchGenerators {
    private static final int TEXT_POOL_BYTES = 8 << 20;

    private TpchGenerators() {
    }

    /** Part {@code part} (1-based) of {@code parts} of the ORDERS rows at {@code scaleFactor}. */
    static OrderGenerator orders(double scaleFactor, int part, int parts) {
        return new OrderGenerator(scaleFactor, part, parts, Distributions.getDefaultDistributions(), SharedText.POOL);
    }

    /** Part {@code part} (1-based) of {@code parts} of the LINEITEM rows at {@code scaleFactor}. */
    static LineItemGenerator lineItems(double scaleFactor, int part, int parts) {
        return new LineItemGenerator(scaleFactor, part, parts, Distributions.getDefaultDistributions(),
            SharedText.POOL);
    }

    /** Built on first use, once per JVM. */
    private static final class SharedText {
        static final TextPool POOL = new TextPool(TEXT_POOL_BYTES, Distributions.getDefaultDistributions());
    }
}

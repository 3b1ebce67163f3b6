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

import java.util.List;
import java.util.Random;

/**
 * Draws the parameter values of one execution of a {@link QueryTemplate}.
 *
 * <p>The caller owns the {@link Random}, so a seeded run repeats exactly. Values are {@link Long}, {@link Integer},
 * {@link java.math.BigDecimal}, {@link String} or {@link java.time.LocalDate}, one per {@code ?}, in order.
 */
@FunctionalInterface
public interface ParameterGenerator {
    List<Object> next(Random random);
}

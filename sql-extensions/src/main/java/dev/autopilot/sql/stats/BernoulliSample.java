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

package dev.autopilot.sql.stats;

import java.util.concurrent.ThreadLocalRandom;
import org.apache.ignite.lang.IgniteBiPredicate;

/**
 * Keeps each row with the same probability, on the node that owns it, so that a scan sends only the sample over the
 * network and the sample is uniform whatever the physical order of the rows.
 */
final class BernoulliSample implements IgniteBiPredicate<Object, Object> {
    private static final long serialVersionUID = 1L;

    private final double probability;

    BernoulliSample(double probability) {
        this.probability = probability;
    }

    @Override public boolean apply(Object key, Object val) {
        return ThreadLocalRandom.current().nextDouble() < probability;
    }
}

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

package dev.autopilot.adaptation.control;

import dev.autopilot.sql.expression.ProfileValidationException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * Autopilot adapts tables of ATOMIC caches only. In a TRANSACTIONAL cache the interceptor that derives the columns
 * runs at commit on every copy, where an exception can leave the copies different, and the fill's multi-key batches
 * can deadlock with the users' transactions: rather than keep derived columns that may be wrong there, such a table
 * is refused before anything changes, with its cache named. Its cache still gets the interceptor, which derives
 * nothing while the table has no layout, and keeps current the columns a table adapted before this refusal has, until
 * {@code removeStructures} takes them away.
 */
final class AtomicCaches {
    private AtomicCaches() {
    }

    /** @return whether {@code cfg} is an ATOMIC cache */
    static boolean atomic(CacheConfiguration<?, ?> cfg) {
        return cfg.getAtomicityMode() == null || cfg.getAtomicityMode() == CacheAtomicityMode.ATOMIC;
    }

    /** @return whether cache {@code cacheName} is ATOMIC ({@code false} when there is no such cache) */
    static boolean atomic(Ignite ignite, String cacheName) {
        IgniteCache<?, ?> cache = ignite.cache(cacheName);
        return cache != null && atomic(cache.getConfiguration(CacheConfiguration.class));
    }

    /**
     * @param table {@code SCHEMA.TABLE}, for the message
     * @throws ProfileValidationException naming the cache when it is not ATOMIC
     */
    static void require(Ignite ignite, String table, String cacheName) {
        if (!atomic(ignite, cacheName))
            throw new ProfileValidationException("table", table + " is stored in cache " + cacheName + ", which is "
                + "not ATOMIC: Autopilot keeps derived columns exact only in ATOMIC caches (in a TRANSACTIONAL one "
                + "they are derived at commit on every copy, and filling them could deadlock with transactions)");
    }
}

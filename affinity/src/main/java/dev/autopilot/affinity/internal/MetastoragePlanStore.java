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

package dev.autopilot.affinity.internal;

import dev.autopilot.affinity.PlanStore;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.internal.IgniteEx;

/**
 * Plans in Ignite's distributed metastorage: reads are local, a write is acknowledged by all alive nodes, and nodes
 * that join later receive the stored plans with the discovery data.
 */
public final class MetastoragePlanStore implements PlanStore {
    private final IgniteEx ignite;

    public MetastoragePlanStore(Ignite ignite) {
        this.ignite = (IgniteEx)ignite;
    }

    @Override public String[][] read(String key) throws IgniteCheckedException {
        Object val = ignite.context().distributedMetastorage().read(key);
        if (val != null && !(val instanceof String[][]))
            throw new IllegalStateException("not a plan under " + key + ": " + val.getClass().getName());
        return (String[][])val;
    }

    @Override public boolean writeOnce(String key, String[][] plan) throws IgniteCheckedException {
        return ignite.context().distributedMetastorage().compareAndSet(key, null, plan);
    }
}

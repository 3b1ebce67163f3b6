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

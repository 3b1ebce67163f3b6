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

package dev.autopilot.sql.tables;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.cache.configuration.Factory;
import javax.cache.expiry.CreatedExpiryPolicy;
import javax.cache.expiry.Duration;
import javax.cache.expiry.ExpiryPolicy;
import javax.cache.expiry.ModifiedExpiryPolicy;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteBinary;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.binary.BinaryObjectBuilder;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.cache.CacheMode;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.cache.QueryEntity;
import org.apache.ignite.cache.affinity.rendezvous.RendezvousAffinityFunction;
import org.apache.ignite.configuration.CacheConfiguration;

/**
 * A table in the {@code AUTOPILOT} SQL schema, backed by its own cache, that Autopilot writes through the cache API
 * and users read with plain SQL. Rows are binary objects built in the declared column order, so their layout never
 * varies.
 */
public final class SystemTable {
    /** The SQL schema of every Autopilot table. */
    public static final String SCHEMA = "AUTOPILOT";

    /** Schemas that hold no workload: Ignite's system views and Autopilot's own tables. */
    private static final Set<String> INTERNAL_SCHEMAS = Set.of("SYS", SCHEMA, "INFORMATION_SCHEMA", "IGNITE");

    /** @return whether statements on {@code schema} are Ignite's or Autopilot's own rather than workload */
    public static boolean isInternalSchema(String schema) {
        return schema != null && INTERNAL_SCHEMAS.contains(schema.toUpperCase(Locale.ROOT));
    }

    /** How long rows live after they were written. */
    public enum Retention {
        /** Rows live as long as the cache. */
        KEEP,
        /** Rows expire a fixed time after they were created. */
        SINCE_CREATED,
        /** Rows expire a fixed time after they were last written. */
        SINCE_MODIFIED
    }

    /** A column: its SQL name and the Java type of its values. */
    public record Column(String name, Class<?> type) {
    }

    private final String name;
    private final List<Column> key;
    private final List<Column> value;
    private final Retention retention;

    SystemTable(String name, List<Column> key, List<Column> value, Retention retention) {
        this.name = name;
        this.key = List.copyOf(key);
        this.value = List.copyOf(value);
        this.retention = retention;
    }

    /** @return the table name in the {@code AUTOPILOT} schema */
    public String name() {
        return name;
    }

    /** @return the name of the cache that holds the table */
    public String cacheName() {
        return "autopilot_" + name.toLowerCase();
    }

    /**
     * @param retentionMillis how long rows live, for tables that expire rows
     * @return the configuration of the table's cache
     */
    public CacheConfiguration<Object, Object> cacheConfiguration(long retentionMillis) {
        LinkedHashMap<String, String> fields = new LinkedHashMap<>();
        key.forEach(c -> fields.put(c.name(), c.type().getName()));
        value.forEach(c -> fields.put(c.name(), c.type().getName()));

        QueryEntity entity = new QueryEntity(keyType(), valueType())
            .setTableName(name)
            .setFields(fields);
        if (key.size() == 1)
            entity.setKeyFieldName(key.get(0).name());
        else
            entity.setKeyFields(new LinkedHashSet<>(key.stream().map(Column::name).toList()));

        CacheConfiguration<Object, Object> cfg = new CacheConfiguration<>(cacheName())
            .setSqlSchema(SCHEMA)
            .setQueryEntities(List.of(entity))
            .setCacheMode(CacheMode.PARTITIONED)
            .setBackups(1)
            .setAtomicityMode(CacheAtomicityMode.ATOMIC)
            .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
            .setAffinity(new RendezvousAffinityFunction(false, 32));

        Factory<? extends ExpiryPolicy> expiry = switch (retention) {
            case KEEP -> null;
            case SINCE_CREATED -> CreatedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, retentionMillis));
            case SINCE_MODIFIED -> ModifiedExpiryPolicy.factoryOf(new Duration(TimeUnit.MILLISECONDS, retentionMillis));
        };
        if (expiry != null)
            cfg.setExpiryPolicyFactory(expiry).setEagerTtl(true);

        return cfg;
    }

    /** @return the table's cache in binary form, for writing rows */
    public IgniteCache<Object, BinaryObject> cache(Ignite ignite) {
        return ignite.cache(cacheName()).withKeepBinary();
    }

    /**
     * @return a key of this table, from values in the declared order of the key columns: the value itself for a
     *     single-column key (Ignite's plain primary key), a binary object otherwise
     */
    public Object key(IgniteBinary binary, Object... values) {
        if (key.size() == 1) {
            check(key, values);
            return values[0];
        }
        return build(binary.builder(keyType()), key, values);
    }

    /** @return a row value of this table, from values in the declared order of the value columns */
    public BinaryObject value(IgniteBinary binary, Object... values) {
        return build(binary.builder(valueType()), value, values);
    }

    private String keyType() {
        return key.size() == 1 ? key.get(0).type().getName() : "dev.autopilot." + name + "_KEY";
    }

    private String valueType() {
        return "dev.autopilot." + name;
    }

    @SuppressWarnings("unchecked")
    private BinaryObject build(BinaryObjectBuilder builder, List<Column> columns, Object[] values) {
        check(columns, values);
        for (int i = 0; i < values.length; i++)
            builder.setField(columns.get(i).name(), values[i], (Class<Object>)columns.get(i).type());
        return builder.build();
    }

    private void check(List<Column> columns, Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Table " + name + " takes " + columns.size() + " values here, got "
                + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            Column c = columns.get(i);
            if (values[i] != null && !c.type().isInstance(values[i])) {
                throw new IllegalArgumentException("Column " + name + '.' + c.name() + " takes " + c.type().getName()
                    + ", got " + values[i].getClass().getName());
            }
        }
    }
}

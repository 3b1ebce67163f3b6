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

package dev.autopilot.sql.internal;

import java.util.List;
import javax.cache.Cache;
import dev.autopilot.sql.derived.DerivedValueFunction;
import dev.autopilot.testkit.IgniteTestCluster;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.CacheInterceptorAdapter;
import org.apache.ignite.cache.CacheWriteSynchronizationMode;
import org.apache.ignite.configuration.CacheConfiguration;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The compiled value on the write path it is made for: a cache interceptor on a SQL table sets the derived column
 * from the key and the binary value it sees, and a write on which the expression fails fails as SQL would.
 */
class DerivedValueInInterceptorTest {
    /** The function the interceptors on both nodes (one JVM) apply. */
    private static volatile DerivedValueFunction derived;

    @Test
    void interceptorWritesTheCompiledValue() {
        try (IgniteTestCluster cluster = new IgniteTestCluster()) {
            cluster.start(2);
            cluster.node(0).addCacheConfiguration(new CacheConfiguration<Object, BinaryObject>("tplDerived")
                .setBackups(1)
                .setWriteSynchronizationMode(CacheWriteSynchronizationMode.FULL_SYNC)
                .setInterceptor(new Derive()));
            cluster.sql("CREATE TABLE T3 (ID INT PRIMARY KEY, A INT, B DECIMAL(10, 3), DERIVED DECIMAL) "
                + "WITH \"TEMPLATE=tplDerived,CACHE_NAME=T3,VALUE_TYPE=T3_VAL\"");
            derived = DerivedValueCompiler.compile(cluster.node(0), "PUBLIC", "T3", "ID * A / B");
            for (int id = 1; id <= 50; id++)
                cluster.sql("INSERT INTO T3 (ID, A, B) VALUES (?, ?, ?)", id, id % 7 - 3, id % 5 == 0 ? null : id * 1.5);
            assertThrows(RuntimeException.class,
                () -> cluster.sql("INSERT INTO T3 (ID, A, B) VALUES (?, ?, ?)", 51, Integer.MAX_VALUE, 1));
            cluster.sql("UPDATE T3 SET A = A + 1 WHERE ID < 10");

            List<List<?>> rows = cluster.sql("SELECT ID, DERIVED, ID * A / B FROM T3 ORDER BY ID");
            assertEquals(50, rows.size());
            for (List<?> row : rows)
                assertEquals(row.get(2), row.get(1), "ID=" + row.get(0));
        }
    }

    /** Sets {@code DERIVED} on every write; an exception fails the write. */
    private static class Derive extends CacheInterceptorAdapter<Object, BinaryObject> {
        private static final long serialVersionUID = 1L;

        @Override public BinaryObject onBeforePut(Cache.Entry<Object, BinaryObject> entry, BinaryObject newVal) {
            return newVal.toBuilder().setField("DERIVED", derived.evaluate(entry.getKey(), newVal)).build();
        }
    }
}

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

package dev.autopilot.plugin;

import java.util.List;
import dev.autopilot.sql.stats.ColumnStatistics;
import dev.autopilot.sql.stats.TableStatistics;
import org.apache.ignite.cache.query.SqlFieldsQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statistics of the managed tables: on demand through the API, and readable from SQL. */
class TableStatisticsTest {
    private static final TestCluster CLUSTER = new TestCluster();
    private static final int ROWS = 3000;

    @BeforeAll
    static void startCluster() {
        CLUSTER.start(2, new AutopilotConfiguration().setStatisticsRefreshSeconds(0).setHistogramBuckets(10)
            .setHistogramSampleRows(1000));
        sql("CREATE TABLE ITEMS (ID INT PRIMARY KEY, GRP INT, PRICE DECIMAL(10, 2), NOTE VARCHAR)");
        for (int i = 0; i < ROWS; i += 500) {
            StringBuilder values = new StringBuilder();
            for (int j = i; j < i + 500; j++) {
                values.append(j == i ? "" : ", ").append('(').append(j).append(", ").append(j % 10).append(", ")
                    .append(j).append(".50, ").append(j % 4 == 0 ? "NULL" : "'n" + j + "'").append(')');
            }
            sql("INSERT INTO ITEMS (ID, GRP, PRICE, NOTE) VALUES " + values);
        }
        sql("CREATE TABLE OTHER (ID INT PRIMARY KEY, V INT)");
    }

    @AfterAll
    static void stopCluster() {
        CLUSTER.close();
    }

    @Test
    void sizeNullsDistinctAndHistogramsOfATable() {
        TableStatistics items = refresh("PUBLIC.ITEMS");

        assertEquals(ROWS, items.rows());
        assertEquals(1000, items.sampledRows(), 150, "a Bernoulli sample of about 1000 rows");
        assertTrue(items.sizeBytes() > ROWS * 10L, "size estimate: " + items.sizeBytes());

        ColumnStatistics grp = items.column("GRP");
        assertEquals(10, grp.distinct(), "10 groups, each seen many times in the sample");
        assertEquals("0", grp.min());
        assertEquals("9", grp.max());

        ColumnStatistics note = items.column("NOTE");
        assertEquals(ROWS / 4.0, note.nulls(), ROWS * 0.06, "a quarter of NOTE is NULL");

        ColumnStatistics id = items.column("ID");
        assertEquals(ROWS, id.distinct(), ROWS * 0.05, "unique key: Duj1 estimate");
        assertEquals(10, id.bounds().size(), "equi-depth buckets");
    }

    @Test
    void statisticsAreReadableFromSql() {
        refresh("PUBLIC.ITEMS");

        List<List<?>> rows = sql("SELECT t.ROWS, c.DISTINCT_COUNT, c.HISTOGRAM FROM AUTOPILOT.TABLE_STATS t "
            + "JOIN AUTOPILOT.COLUMN_STATS c ON c.TABLE_NAME = t.TABLE_NAME "
            + "WHERE t.TABLE_NAME = 'PUBLIC.ITEMS' AND c.COLUMN_NAME = 'GRP'");

        assertEquals(1, rows.size());
        assertEquals((long)ROWS, ((Number)rows.get(0).get(0)).longValue());
        assertEquals(10L, ((Number)rows.get(0).get(1)).longValue());
        assertTrue(((String)rows.get(0).get(2)).startsWith("[\""), "histogram bounds as a JSON array");
    }

    @Test
    void everyUserTableIsManagedByDefaultAndNoSystemTable() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(0));
        assertTrue(plugin.profiles().refreshStatistics().stream().anyMatch(t -> t.table().equals("PUBLIC.OTHER")));
        assertTrue(plugin.profiles().refreshStatistics().stream().noneMatch(t -> t.table().startsWith("AUTOPILOT.")));
    }

    @Test
    void theManagerProfilesWithStatisticsCollectedRecently() {
        AutopilotPlugin plugin = AutopilotPlugin.of(CLUSTER.node(1));
        plugin.profiles().refreshStatistics();
        List<?> before = sql("SELECT ROWS, REFRESHED_AT FROM AUTOPILOT.TABLE_STATS WHERE TABLE_NAME = 'PUBLIC.OTHER'")
            .get(0);
        sql("INSERT INTO OTHER (ID, V) VALUES (1, 1), (2, 2), (3, 3)");

        plugin.refreshProfiles(0, List.of("PUBLIC.OTHER"));

        assertEquals(before, sql("SELECT ROWS, REFRESHED_AT FROM AUTOPILOT.TABLE_STATS "
            + "WHERE TABLE_NAME = 'PUBLIC.OTHER'").get(0), "not collected again within statisticsMaxAgeSeconds");
        assertEquals(((Number)before.get(0)).longValue() + 3, refresh("PUBLIC.OTHER").rows(), "collected on demand");
    }

    @Test
    void statisticsOneNodeCollectedServeTheManagerOnAnother() {
        sql("CREATE TABLE THIRD (ID INT PRIMARY KEY, V INT)");
        sql("INSERT INTO THIRD (ID, V) VALUES (1, 1), (2, 2)");
        AutopilotPlugin.of(CLUSTER.node(0)).profiles().refreshStatistics();
        List<?> before = sql("SELECT ROWS, REFRESHED_AT FROM AUTOPILOT.TABLE_STATS WHERE TABLE_NAME = 'PUBLIC.THIRD'")
            .get(0);
        sql("INSERT INTO THIRD (ID, V) VALUES (3, 3)");

        AutopilotPlugin.of(CLUSTER.node(1)).refreshProfiles(0, List.of("PUBLIC.THIRD"));

        assertEquals(before, sql("SELECT ROWS, REFRESHED_AT FROM AUTOPILOT.TABLE_STATS "
            + "WHERE TABLE_NAME = 'PUBLIC.THIRD'").get(0), "node 0's statistics, not collected again on node 1");
    }

    private static TableStatistics refresh(String table) {
        return AutopilotPlugin.of(CLUSTER.node(1)).profiles().refreshStatistics().stream()
            .filter(t -> t.table().equals(table)).findFirst().orElseThrow();
    }

    private static List<List<?>> sql(String sql) {
        return CLUSTER.node(0).cache("autopilot_table_stats").query(new SqlFieldsQuery(sql).setSchema("PUBLIC")).getAll();
    }
}

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

package dev.autopilot.examples.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A template counts as served only by an index that seeks on every filter of its scan (plans of Ignite 2.17). */
class StructureProbeTest {
    @Test
    void anIndexThatBoundsEveryFilteredColumnServes() {
        assertTrue(StructureProbe.boundsEveryFilter("IgniteIndexScan(table=[[PUBLIC, T2]], index=[T2_AB], "
            + "filters=[AND(=($t1, 1), >=($t2, 1), <=($t2, 3))], projects=[[$t0]], requiredColumns=[{2, 3, 4}], "
            + "searchBounds=[[null, null, null, ExactBounds [bound=1], RangeBounds [lowerBound=1, upperBound=3, "
            + "lowerInclude=true, upperInclude=true], null, null]], inlineScan=[false], collation=[[3 ASC-nulls-first]])"));
    }

    @Test
    void anIndexThatLeavesAFilteredColumnToTheRowsDoesNot() {
        assertFalse(StructureProbe.boundsEveryFilter("IgniteIndexScan(table=[[PUBLIC, T2]], "
            + "index=[T2_AB_proxy], filters=[AND(=(FLOOR(/($t2, 2)), ?0), =($t1, ?1))], projects=[[$t0]], "
            + "requiredColumns=[{2, 3, 6}], searchBounds=[[null, null, null, ExactBounds [bound=?1], null, null, "
            + "null]], inlineScan=[false], collation=[[3 ASC-nulls-first]])"));
    }

    @Test
    void anExpressionRecheckedBesideItsBoundedSearchKeyServes() {
        assertTrue(StructureProbe.boundsEveryFilter("IgniteIndexScan(table=[[PUBLIC, T]], index=[AP_IDX_PQ_proxy], "
            + "filters=[AND(>=(*($t1, $t2), ?0), <=(*($t1, $t2), ?1), >=($t3, ?0), <=($t3, ?1))], projects=[[$t0]], "
            + "requiredColumns=[{2, 6, 7, 12}], searchBounds=[[null, null, RangeBounds [lowerBound=?0, upperBound=?1, "
            + "lowerInclude=true, upperInclude=true], null]], inlineScan=[false], collation=[[12 ASC-nulls-first]])"));
    }

    @Test
    void aScanWithoutProjectionsIsReadToItsRequiredColumns() {
        assertTrue(StructureProbe.boundsEveryFilter("IgniteIndexScan(table=[[PUBLIC, T]], index=[I], "
            + "filters=[=($t4, ?0)], requiredColumns=[{2, 6}], searchBounds=[[ExactBounds [bound=?0], null]], "
            + "inlineScan=[false])"));
    }
}

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

package dev.autopilot.affinity.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Which nodes own each partition, primary first: the planner's output and the affinity function's input. Nodes are
 * named by their consistent ids so that a placement means the same thing on every node. Immutable.
 */
public final class Placement {
    private final List<List<String>> owners;

    /** @param owners Per partition, the owning nodes' consistent ids, primary first. */
    public Placement(List<? extends List<String>> owners) {
        List<List<String>> copy = new ArrayList<>(owners.size());
        for (List<String> o : owners)
            copy.add(List.copyOf(o));
        this.owners = Collections.unmodifiableList(copy);
    }

    /** @return A placement from the rows of {@link #toArray()}. */
    public static Placement fromArray(String[][] rows) {
        List<List<String>> owners = new ArrayList<>(rows.length);
        for (String[] row : rows)
            owners.add(List.of(row));
        return new Placement(owners);
    }

    /**
     * @param owners per partition, the owning nodes' indexes into {@code ids}, primary first: the planners' working form
     * @param ids the nodes' consistent ids
     * @return the placement those indexes name
     */
    public static Placement ofIndexes(int[][] owners, String[] ids) {
        List<List<String>> rows = new ArrayList<>(owners.length);
        for (int[] row : owners) {
            List<String> r = new ArrayList<>(row.length);
            for (int n : row)
                r.add(ids[n]);
            rows.add(r);
        }
        return new Placement(rows);
    }

    /** @return Rows of consistent ids, primary first: the form kept in the metastorage (plain JDK types only). */
    public String[][] toArray() {
        String[][] rows = new String[owners.size()][];
        for (int p = 0; p < rows.length; p++)
            rows[p] = owners.get(p).toArray(new String[0]);
        return rows;
    }

    public int partitions() {
        return owners.size();
    }

    /** @return The owners of partition {@code p}, primary first. */
    public List<String> owners(int p) {
        return owners.get(p);
    }

    public String primary(int p) {
        return owners.get(p).get(0);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Placement && ((Placement)o).owners.equals(owners);
    }

    @Override public int hashCode() {
        return owners.hashCode();
    }

    @Override public String toString() {
        return "Placement" + owners;
    }
}

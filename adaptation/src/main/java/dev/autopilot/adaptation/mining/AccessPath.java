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

package dev.autopilot.adaptation.mining;

import java.util.List;

/**
 * How much of a table a template reads through an index: the index serves the longest prefix of its columns that
 * the template fixes by equality, plus one more column the template bounds by a range. A template that filters on
 * none of its leading columns reads the whole table.
 */
public final class AccessPath {
    private AccessPath() {
    }

    /**
     * @param columns the index's columns, in order
     * @param access a template's filters on the table
     * @return the fraction of the table's rows read through that index (1 when it cannot be used)
     */
    public static double fractionRead(List<String> columns, TemplateAccess access) {
        double fraction = 1;
        for (String column : columns) {
            Term t = access.term(column);
            if (t == null)
                break;
            fraction *= t.selectivity();
            if (!t.equality())
                break;
        }
        return fraction;
    }

    /** @return whether {@code prefix} is a leading part of (or equal to) {@code columns} */
    public static boolean isPrefix(List<String> prefix, List<String> columns) {
        return prefix.size() <= columns.size() && columns.subList(0, prefix.size()).equals(prefix);
    }
}

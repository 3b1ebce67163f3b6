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

package dev.autopilot.examples.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the grammar knows of both clusters' schema as the run goes: the managed tables with the columns users added,
 * the views, and the next free key. It changes only after a DDL statement succeeded on plain Ignite, so it describes
 * what both clusters should hold.
 */
final class Catalog {
    /** Keys at and above this were inserted by the run; only those are deleted, so the first rows stay. */
    static final int FIRST_FREE_KEY = 1000;

    private final Map<String, List<Column>> tables = new LinkedHashMap<>();
    private final Map<String, Relation> views = new LinkedHashMap<>();
    private int nextKey = FIRST_FREE_KEY;
    private int names;

    Catalog() {
        for (String t : ManagedSchema.TABLES)
            tables.put(t, new ArrayList<>(ManagedSchema.columns(t)));
    }

    /** @return the tables that exist, with their columns (key first) */
    Map<String, List<Column>> tables() {
        return tables;
    }

    /** @return the views, each as a relation named after it */
    Map<String, Relation> views() {
        return views;
    }

    /** @return {@code n} keys no row has had yet, the first of them */
    int reserveKeys(int n) {
        int first = nextKey;
        nextKey += n;
        return first;
    }

    int nextKey() {
        return nextKey;
    }

    /** @return a name no column, view or alias of the run has had yet, with {@code prefix} */
    String freshName(String prefix) {
        return prefix + ++names;
    }

    void addColumn(String table, Column c) {
        tables.get(table).add(c);
    }

    void dropColumn(String table, String column) {
        tables.get(table).removeIf(c -> c.name().equals(column));
    }

    void dropTable(String table) {
        tables.remove(table);
    }

    void createTable(String table) {
        tables.put(table, new ArrayList<>(ManagedSchema.columns(table)));
    }

    void putView(String name, Relation view) {
        views.put(name, view.as(name));
    }

    void dropView(String name) {
        views.remove(name);
    }
}

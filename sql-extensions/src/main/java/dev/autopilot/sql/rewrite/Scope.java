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

package dev.autopilot.sql.rewrite;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The FROM items one query block sees, and the enclosing block's scope for correlated references. Resolution is by
 * hand, before validation, and refuses whenever it cannot be sure: a column belongs to a relation only if that
 * relation is known to have it and no other relation of the same block is known to have it too.
 */
final class Scope {
    private final Scope parent;
    private final List<Relation> relations;
    private final boolean closedToCorrelation;
    private boolean naturalOrUsingJoin;

    Scope(Scope parent) {
        this(parent, new ArrayList<>(), false);
    }

    private Scope(Scope parent, List<Relation> relations, boolean closedToCorrelation) {
        this.parent = parent;
        this.relations = relations;
        this.closedToCorrelation = closedToCorrelation;
    }

    /**
     * @return this scope as subqueries in the select list, HAVING or ORDER BY of a grouped block see it: their
     *     correlated references read grouped rows, so a derived column (not a grouping key) may not replace them
     */
    Scope closedToCorrelation() {
        Scope s = new Scope(parent, relations, true);
        s.naturalOrUsingJoin = naturalOrUsingJoin;
        return s;
    }

    void add(Relation r) {
        relations.add(r);
    }

    /** Puts {@code replacement} where {@code r} was, when a rule changed what a FROM item reads. */
    void replace(Relation r, Relation replacement) {
        relations.set(relations.indexOf(r), replacement);
    }

    void markNaturalOrUsingJoin() {
        naturalOrUsingJoin = true;
    }

    /** @return whether a join merges same-named columns, which changes what {@code *} means */
    boolean hasNaturalOrUsingJoin() {
        return naturalOrUsingJoin;
    }

    /** @return the FROM items of this block, in order */
    List<Relation> relations() {
        return relations;
    }

    /** @return whether this block or an enclosing one reads a managed table with READY derived columns */
    boolean reachesReadyColumns() {
        for (Scope s = this; s != null; s = s.parent) {
            for (Relation r : s.relations) {
                if (r.hasReadyColumns())
                    return true;
            }
        }
        return false;
    }

    /** @return the relation of this block called {@code alias}, or {@code null} */
    Relation byAlias(String alias) {
        for (Relation r : relations) {
            if (alias.equals(r.alias()))
                return r;
        }
        return null;
    }

    /** @return the relation whose column {@code id} names, or {@code null} when that is not certain */
    Relation resolve(SqlIdentifier id) {
        if (id.isStar())
            return null;
        String column = id.names.get(id.names.size() - 1);
        if (id.names.size() == 2)
            return qualified(id.names.get(0), column);
        if (id.names.size() != 1)
            return null;
        for (Scope s = this; s != null; s = s.parent) {
            // An unqualified name may be a merged column of NATURAL or USING (COALESCE of both sides in outer joins).
            if (s.naturalOrUsingJoin)
                return null;
            Relation owner = null;
            boolean unknown = false;
            for (Relation r : s.relations) {
                if (!r.columnsKnown())
                    unknown = true;
                else if (r.hasColumn(column)) {
                    if (owner != null)
                        return null;
                    owner = r;
                }
            }
            // A valid statement names a column of one relation per block, so unknown neighbours cannot own it.
            if (owner != null)
                return visible(owner) && (s == this || !s.closedToCorrelation) ? owner : null;
            if (unknown)
                return null;
        }
        return null;
    }

    private Relation qualified(String qualifier, String column) {
        for (Scope s = this; s != null; s = s.parent) {
            Relation r = s.byAlias(qualifier);
            if (r != null)
                return r.hasColumn(column) && (s == this || !s.closedToCorrelation) ? r : null;
        }
        return null;
    }

    /** @return whether {@code alias.COL} written in this block reaches {@code r}, not a closer namesake */
    boolean visible(Relation r) {
        if (r.alias() == null)
            return false;
        for (Scope s = this; s != null; s = s.parent) {
            Relation closest = s.byAlias(r.alias());
            if (closest != null)
                return closest == r;
        }
        return false;
    }
}

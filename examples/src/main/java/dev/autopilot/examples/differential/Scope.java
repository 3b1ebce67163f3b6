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
import java.util.List;

/**
 * The relations one query block reads, and the block around it (for correlated references). A column is written bare
 * only when no other relation of the block has a column of that name, and an outer column only when no relation of the
 * block has its qualifier, so that every reference resolves to the column the grammar meant.
 */
final class Scope {
    /** A column together with the relation it belongs to. */
    record Ref(Relation relation, Column column, boolean outer) {
    }

    private final List<Relation> relations = new ArrayList<>();
    private final Scope outer;

    Scope(Scope outer) {
        this.outer = outer;
    }

    void add(Relation r) {
        relations.add(r);
    }

    List<Relation> relations() {
        return relations;
    }

    /** @return the columns of this block that can be referenced, then those of the enclosing block */
    List<Ref> refs(Kind kind, boolean withOuter) {
        List<Ref> out = new ArrayList<>();
        for (Relation r : relations) {
            for (Column c : r.columns()) {
                if (c.kind() == kind && (r.qualifier() != null || unique(c.name())))
                    out.add(new Ref(r, c, false));
            }
        }
        if (withOuter && outer != null) {
            for (Relation r : outer.relations) {
                if (r.qualifier() == null || hasQualifier(r.qualifier()))
                    continue;
                for (Column c : r.columns()) {
                    if (c.kind() == kind)
                        out.add(new Ref(r, c, true));
                }
            }
        }
        return out;
    }

    /** @return whether {@code name} is the name of exactly one column across the block's relations */
    boolean unique(String name) {
        int n = 0;
        for (Relation r : relations) {
            for (Column c : r.columns()) {
                if (c.name().equals(name))
                    n++;
            }
        }
        return n == 1;
    }

    private boolean hasQualifier(String q) {
        return relations.stream().anyMatch(r -> q.equals(r.qualifier()));
    }
}

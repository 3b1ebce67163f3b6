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
import java.util.Random;

/**
 * The whole grammar: {@code statement := query | dml | ddl}, weighted so that most statements are queries, about
 * one in eight changes data and about one in seventy changes the schema. The same seed gives the same statements, as
 * long as the same DDL statements succeed.
 */
public final class StatementGrammar {
    private final Random rnd;
    private final Catalog catalog = new Catalog();
    private final QueryGrammar queries;
    private final ChangeGrammar changes;

    /** @param tableDdl whether table W is dropped and created again now and then */
    public StatementGrammar(long seed, boolean tableDdl) {
        this.rnd = new Random(seed);
        this.queries = new QueryGrammar(catalog, rnd);
        this.changes = new ChangeGrammar(catalog, queries, rnd, tableDdl);
    }

    /** @return the statements that create and fill the managed tables */
    public List<Statement> setup() {
        List<Statement> out = new ArrayList<>();
        for (String t : ManagedSchema.TABLES) {
            out.add(Statement.of(ManagedSchema.create(t)));
            ManagedSchema.load(t, t.equals("T") ? 300 : t.equals("U") ? 100 : 40, rnd)
                .forEach(sql -> out.add(Statement.of(sql)));
        }
        return out;
    }

    public Statement next() {
        Statement queued = changes.queued();
        if (queued != null)
            return queued;
        int r = rnd.nextInt(1000);
        if (r < 14)
            return changes.ddl();
        if (r < 140)
            return changes.dml();
        QueryGrammar.Query q = queries.top();
        return new Statement(q.sql(), q.ordered(), () -> { });
    }
}

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

import java.util.ArrayList;
import java.util.List;
import dev.autopilot.sql.expression.DerivedExpression;
import dev.autopilot.sql.schema.TableSchema;

/**
 * Reads the expressions a template computes for every row it returns or groups: the derived expressions inside its
 * projections and GROUP BY. A derived attribute saves computing them. Only templates that read this one table alone
 * are read, since the query log prints their columns without qualifiers and a join could not be told apart.
 */
final class ComputedExpressions {
    private ComputedExpressions() {
    }

    /** @return the derived expressions {@code load} computes over columns of {@code table} */
    static List<DerivedExpression> of(TemplateLoad load, TableSchema table) {
        List<DerivedExpression> out = new ArrayList<>();
        if (!load.shape().tables().equals(List.of(table.table())))
            return out;
        List<String> texts = new ArrayList<>(load.shape().projections());
        texts.addAll(load.shape().groupBy());
        for (String text : texts) {
            for (DerivedExpression e : DerivedExpression.findAll(text, table)) {
                if (!out.contains(e))
                    out.add(e);
            }
        }
        return out;
    }
}

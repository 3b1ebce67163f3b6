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

package dev.autopilot.examples.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MixDealerTest {
    private static final QueryTemplate A = QueryTemplate.query("a", "SELECT 1", random -> List.of());

    private static final QueryTemplate B = QueryTemplate.query("b", "SELECT 2", random -> List.of());

    private static final QueryTemplate C = QueryTemplate.query("c", "SELECT 3", random -> List.of());

    @Test
    void dealsTheBudgetInExactlyTheWeightsProportions() {
        WorkloadPhase phase = WorkloadPhase.builder("p").weight(A, 6).weight(B, 3).weight(C, 3).maxQueries(100).build();
        MixDealer dealer = new MixDealer(phase, new Random(1));
        Map<String, Integer> counts = new HashMap<>();

        for (QueryTemplate t = dealer.next(); t != null; t = dealer.next())
            counts.merge(t.name(), 1, Integer::sum);

        assertEquals(4, dealer.deckSize(), "weights 6:3:3 reduce to 2:1:1");
        assertEquals(Map.of("a", 50, "b", 25, "c", 25), counts);
        assertNull(dealer.next());
    }

    @Test
    void sameSeedDealsTheSameSequence() {
        WorkloadPhase phase = WorkloadPhase.builder("p").weight(A, 2).weight(B, 1).maxQueries(30).build();

        assertEquals(deal(new MixDealer(phase, new Random(5))), deal(new MixDealer(phase, new Random(5))));
    }

    @Test
    void dealsWithoutEndWhenOnlyTimeBoundsThePhase() {
        WorkloadPhase phase = WorkloadPhase.builder("p").weight(A, 1).maxDuration(Duration.ofSeconds(1))
            .build();
        MixDealer dealer = new MixDealer(phase, new Random(1));

        for (int i = 0; i < 10_000; i++)
            assertEquals(A, dealer.next());
    }

    private static String deal(MixDealer dealer) {
        StringBuilder names = new StringBuilder();

        for (QueryTemplate t = dealer.next(); t != null; t = dealer.next())
            names.append(t.name());

        return names.toString();
    }
}

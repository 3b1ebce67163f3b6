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

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hands out the templates of one phase to all driver threads: from a deck holding each template as often as its
 * (reduced) weight, reshuffled whenever it runs out, until the phase's query budget is spent. Sampling by deck
 * rather than independently keeps the counts in the mix's proportions however the threads share the work.
 */
final class MixDealer {
    private final List<QueryTemplate> deck = new ArrayList<>();

    private final Random random;

    private final long budget;

    private long dealt;

    private int position;

    MixDealer(WorkloadPhase phase, Random random) {
        int divisor = 0;

        for (int weight : phase.mix().values())
            divisor = BigInteger.valueOf(divisor).gcd(BigInteger.valueOf(weight)).intValue();

        for (Map.Entry<QueryTemplate, Integer> e : phase.mix().entrySet())
            deck.addAll(Collections.nCopies(e.getValue() / divisor, e.getKey()));

        this.random = random;
        this.budget = phase.maxQueries().orElse(Long.MAX_VALUE);
        this.position = deck.size();
    }

    /** The next template to run, or null once the budget is spent. */
    synchronized QueryTemplate next() {
        if (dealt >= budget)
            return null;

        if (position == deck.size()) {
            Collections.shuffle(deck, random);
            position = 0;
        }

        dealt++;

        return deck.get(position++);
    }

    /** Templates per full deck: budgets that are a multiple of it run the mix exactly. */
    int deckSize() {
        return deck.size();
    }
}

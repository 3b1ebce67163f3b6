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

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

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One stretch of a {@link DriftingWorkload}: a weighted mix of templates, run until a query budget or a time
 * budget (whichever comes first) is used up.
 *
 * <p>The driver deals templates from shuffled decks that hold each template as many times as its weight (after
 * dividing the weights by their greatest common divisor), so a budget that is a multiple of the deck size runs
 * the templates in exactly the weights' proportions.
 */
public final class WorkloadPhase {
    private final String name;

    private final Map<QueryTemplate, Integer> mix;

    private final long maxQueries;

    private final Duration maxDuration;

    private WorkloadPhase(Builder builder) {
        this.name = builder.name;
        this.mix = Collections.unmodifiableMap(new LinkedHashMap<>(builder.mix));
        this.maxQueries = builder.maxQueries;
        this.maxDuration = builder.maxDuration;
    }

    /** A phase called {@code name}; add weights and at least one budget, then {@code build()}. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    /** Templates and their weights, in the order they were added. */
    public Map<QueryTemplate, Integer> mix() {
        return mix;
    }

    /** The share of executions that {@code templateName} gets: its weight over the sum of weights. */
    public double share(String templateName) {
        int total = 0;
        int weight = 0;

        for (Map.Entry<QueryTemplate, Integer> e : mix.entrySet()) {
            total += e.getValue();

            if (e.getKey().name().equals(templateName))
                weight = e.getValue();
        }

        return (double)weight / total;
    }

    /** Queries the phase runs at most, over all connections. */
    public OptionalLong maxQueries() {
        return maxQueries > 0 ? OptionalLong.of(maxQueries) : OptionalLong.empty();
    }

    /** Time the phase runs at most. */
    public Optional<Duration> maxDuration() {
        return Optional.ofNullable(maxDuration);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Settings of a {@link WorkloadPhase}; each setter checks its value. */
    public static final class Builder {
        private final String name;

        private final Map<QueryTemplate, Integer> mix = new LinkedHashMap<>();

        private long maxQueries;

        private Duration maxDuration;

        private Builder(String name) {
            if (name == null || name.isBlank())
                throw new IllegalArgumentException("phase name must be set: " + name);

            this.name = name;
        }

        /** Runs {@code template} with relative frequency {@code weight}. */
        public Builder weight(QueryTemplate template, int weight) {
            if (template == null)
                throw new IllegalArgumentException("template of phase " + name + " must be set");
            if (weight < 1)
                throw new IllegalArgumentException("weight of " + template.name() + " in phase " + name
                    + " must be at least 1: " + weight);

            for (QueryTemplate added : mix.keySet()) {
                if (added.name().equals(template.name()))
                    throw new IllegalArgumentException("template " + template.name() + " is twice in phase " + name);
            }

            mix.put(template, weight);

            return this;
        }

        /** Ends the phase after this many queries over all connections. */
        public Builder maxQueries(long maxQueries) {
            if (maxQueries < 1)
                throw new IllegalArgumentException("maxQueries of phase " + name + " must be at least 1: " + maxQueries);

            this.maxQueries = maxQueries;

            return this;
        }

        /** Ends the phase after this much time. */
        public Builder maxDuration(Duration maxDuration) {
            if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero())
                throw new IllegalArgumentException("maxDuration of phase " + name + " must be positive: " + maxDuration);

            this.maxDuration = maxDuration;

            return this;
        }

        public WorkloadPhase build() {
            if (mix.isEmpty())
                throw new IllegalArgumentException("phase " + name + " has no templates");
            if (maxQueries == 0 && maxDuration == null)
                throw new IllegalArgumentException("phase " + name + " needs maxQueries or maxDuration, or it never ends");

            return new WorkloadPhase(this);
        }
    }
}

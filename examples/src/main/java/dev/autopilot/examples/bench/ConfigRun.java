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

package dev.autopilot.examples.bench;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import dev.autopilot.examples.bench.StructureProbe.MemorySample;

/**
 * Everything one configuration's run measured: the clients' reads and writes, when the dominant templates' plans
 * started to use new structures, the memory of those structures over time, and the adaptations Autopilot made.
 *
 * @param setup the configuration
 * @param reads the read templates' executions
 * @param writes the updates' executions
 * @param quietWrites the updates' executions after the workload, alone
 * @param inUse {@code phase/template} ({@link StructureProbe#key}) to seconds from the phase start until the
 *     template's plan first read a new index
 * @param indexUsed {@code phase/template} to that index
 * @param memory memory samples, in time order
 * @param adaptations the adaptations recorded by Autopilot (none for the other configurations)
 * @param profiles the profiles Autopilot generated for LINEITEM during the run, one line each
 * @param setupSeconds time the configuration took to get ready after loading (the hand-tuned structures)
 * @param readSeconds how much of each second its readers were allowed to read in ({@link ReadTurns})
 */
record ConfigRun(DriftSetup setup, DriftRecorder reads, DriftRecorder writes, DriftRecorder quietWrites,
    Map<String, Double> inUse,
    Map<String, String> indexUsed, List<MemorySample> memory, List<AdaptationEvent> adaptations,
    List<String> profiles, double setupSeconds, ReadSeconds readSeconds) implements Serializable {
    ConfigRun {
        inUse = Map.copyOf(inUse);
        indexUsed = Map.copyOf(indexUsed);
        memory = List.copyOf(memory);
        adaptations = List.copyOf(adaptations);
        profiles = List.copyOf(profiles);
    }

    /** @return {@code executions} over {@code [from, to)} of the run, per second its readers were allowed to read in */
    double readsPerSecond(long executions, int from, int to) {
        return executions / readSeconds.seconds(from, to);
    }

    /** @return seconds from the start of {@code phase} until {@code template} was served by a new index, or null */
    Double inUse(int phase, String template) {
        return inUse.get(StructureProbe.key(phase, template));
    }

    /** @return the last memory sample taken at or before {@code second} (the first one if none was) */
    MemorySample memoryAt(double second) {
        MemorySample out = memory.isEmpty() ? new MemorySample(0, 0, 0, 0) : memory.get(0);
        for (MemorySample s : memory) {
            if (s.second() <= second)
                out = s;
        }
        return out;
    }
}

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
import java.util.stream.Collectors;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.profile.ProfileCodec;
import dev.autopilot.adaptation.profile.SchemaProfile;

/**
 * One adaptation Autopilot made during a run, on the run's clock.
 *
 * @param id adaptation id
 * @param table {@code SCHEMA.TABLE}
 * @param requestedSecond second of the run it was requested at
 * @param cutOverSecond second of the run the rewriter started to use its structures, {@code NaN} if it never did
 * @param step where it stood at the end of the run
 * @param outcome completed, rolled back, or empty while unfinished
 * @param trigger what the manager measured
 * @param structures the profile's derived columns and indexes
 * @param steps the steps it was seen at, with the second of the run each was first seen at
 */
record AdaptationEvent(String id, String table, double requestedSecond, double cutOverSecond, String step,
    String outcome, String trigger, String structures, String steps) implements Serializable {
    /** @return the adaptation {@code a} on a run that started at {@code runStartMillis}, seen at {@code steps} */
    static AdaptationEvent of(Adaptation a, long runStartMillis, List<String> steps) {
        long cut = a.measurement() == null ? 0 : a.measurement().cutOverAt();
        return new AdaptationEvent(a.id(), a.table(), (a.startedAt() - runStartMillis) / 1000.0,
            cut == 0 ? Double.NaN : (cut - runStartMillis) / 1000.0, a.step().name(),
            a.outcome() == null ? "" : a.outcome() + (a.reason() == null ? "" : " (" + a.reason() + ')'),
            a.trigger(), structures(a.profile()), steps == null ? "" : String.join(", ", steps));
    }

    private static String structures(String profileJson) {
        SchemaProfile p = ProfileCodec.read(profileJson);
        String derived = p.derivedAttributes() == null ? "" : p.derivedAttributes().stream()
            .map(d -> d.name() + " = " + d.expression()).collect(Collectors.joining("; "));
        List<String> indexes = p.indexes() == null ? List.of() : p.indexes().stream()
            .map(i -> i.name() + " (" + String.join(", ", i.columns()) + ')').toList();
        return "derived: " + (derived.isEmpty() ? "none" : derived) + " | indexes: "
            + (indexes.isEmpty() ? "none" : String.join("; ", indexes));
    }
}

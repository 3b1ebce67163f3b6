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

package dev.autopilot.plugin;

import java.util.function.Function;
import dev.autopilot.adaptation.manage.Adaptation;

/**
 * What mode {@link AdaptationMode#OFF} stops at once: the adaptations the manager started on its own that are not cut
 * over yet are held at their step (a fill stops after the partition it is on, its progress recorded) until the mode
 * is AUTO or RECOMMEND again. Nothing is undone, so the table stays as it was at that step: added columns not yet
 * used by any query, no index half built. What users asked for (a request, an applied recommendation) goes on, as do
 * rollbacks and the watch after a cut-over, which only ever take work back.
 */
final class OffSwitch implements Function<Adaptation, String> {
    private final RuntimeSettings settings;

    OffSwitch(RuntimeSettings settings) {
        this.settings = settings;
    }

    /** @return why {@code a} must wait, or {@code null} when it may move on */
    @Override public String apply(Adaptation a) {
        if (settings.adaptationMode() != AdaptationMode.OFF || !a.step().beforeCutOver() || askedByUser(a))
            return null;
        return LiveSettings.ADAPTATION_MODE + " is OFF";
    }

    private static boolean askedByUser(Adaptation a) {
        return Adaptation.REQUESTED.equals(a.trigger()) || a.trigger() != null && a.trigger().endsWith(
            Adaptation.APPLIED_BY_USER);
    }
}

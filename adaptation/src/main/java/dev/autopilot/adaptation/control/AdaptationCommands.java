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

package dev.autopilot.adaptation.control;

import java.sql.Timestamp;
import java.util.Locale;
import javax.cache.Cache;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteLogger;
import org.apache.ignite.binary.BinaryObject;
import org.apache.ignite.cache.query.QueryCursor;
import org.apache.ignite.cache.query.ScanQuery;

import static dev.autopilot.sql.tables.AutopilotTables.ADAPTATION_COMMANDS;

/**
 * Carries out the commands users insert into {@code AUTOPILOT.ADAPTATION_COMMANDS}, so that a recommendation can be
 * applied or rejected, an adaptation rolled back, and a profile requested, from any SQL client. Run by the adaptation manager: each command
 * once, its result written back into its row ({@code done}, or the error that names what was wrong).
 */
public final class AdaptationCommands {
    private final Ignite ignite;
    private final AdaptationControl control;
    private final IgniteLogger log;

    public AdaptationCommands(Ignite ignite, AdaptationControl control, IgniteLogger log) {
        this.ignite = ignite;
        this.control = control;
        this.log = log;
    }

    /** Carries out every command without a result yet. */
    public void run() {
        IgniteCache<Object, BinaryObject> cache = ADAPTATION_COMMANDS.cache(ignite);
        try (QueryCursor<Cache.Entry<Object, BinaryObject>> rows = cache.query(new ScanQuery<Object, BinaryObject>(
            (k, v) -> v.field("RESULT") == null))) {
            for (Cache.Entry<Object, BinaryObject> row : rows) {
                BinaryObject v = row.getValue();
                Done done = execute(v.field("COMMAND"), v.field("ADAPTATION_ID"), v.field("REASON"),
                    v.field("PROFILE"));
                log.info("Autopilot command " + row.getKey() + " (" + v.field("COMMAND") + ' '
                    + done.adaptationId() + "): " + done.result());
                cache.replace(row.getKey(), v, v.toBuilder().setField("RESULT", done.result())
                    .setField("ADAPTATION_ID", done.adaptationId(), String.class)
                    .setField("EXECUTED_AT", new Timestamp(System.currentTimeMillis())).build());
            }
        }
    }

    private Done execute(String command, String id, String reason, String profile) {
        if (command == null)
            return new Done("error: COMMAND is required", id);
        String verb = command.trim().toUpperCase(Locale.ROOT);
        if (verb.equals("REQUEST"))
            return request(profile);
        if (id == null)
            return new Done("error: ADAPTATION_ID is required for " + verb, null);
        try {
            switch (verb) {
                case "APPLY" -> control.applyRecommendation(id);
                case "REJECT" -> control.rejectRecommendation(id, reason);
                case "ROLLBACK" -> {
                    if (!control.rollbackAdaptation(id))
                        return new Done("done: already rolled back", id);
                }
                default -> {
                    return new Done("error: unknown command " + command + " (APPLY, REJECT, ROLLBACK or REQUEST)", id);
                }
            }
            return new Done("done", id);
        }
        catch (RuntimeException e) {
            return new Done("error: " + e.getMessage(), id);
        }
    }

    /** Validated as {@code applyProfile} validates: a profile refused names its field, and nothing is requested. */
    private Done request(String profile) {
        if (profile == null)
            return new Done("error: PROFILE is required for REQUEST", null);
        try {
            String id = control.requestAdaptation(profile);
            return new Done("done: adaptation " + id, id);
        }
        catch (RuntimeException e) {
            return new Done("error: " + e.getMessage(), null);
        }
    }

    /**
     * What a command did.
     *
     * @param result {@code done...} or {@code error: ...}
     * @param adaptationId the adaptation it is about (the new one for a request), or {@code null}
     */
    private record Done(String result, String adaptationId) {
    }
}

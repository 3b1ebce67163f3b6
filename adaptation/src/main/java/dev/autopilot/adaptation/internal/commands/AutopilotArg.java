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

package dev.autopilot.adaptation.internal.commands;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.List;
import java.util.Locale;
import dev.autopilot.adaptation.control.AdaptationControl;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.adaptation.manage.AdaptationStep;
import dev.autopilot.adaptation.manage.FillState;
import org.apache.ignite.internal.dto.IgniteDataTransferObject;
import org.apache.ignite.internal.management.api.Argument;
import org.apache.ignite.internal.util.typedef.internal.U;

/**
 * The arguments of a {@code control.sh --autopilot} command, parsed from the command line by Ignite's control
 * utility from the {@link Argument} fields, sent to a server node, and carried out there by {@link #run}: one class
 * per command, so that one {@link AutopilotTask} serves them all.
 */
public abstract class AutopilotArg extends IgniteDataTransferObject {
    private static final long serialVersionUID = 0L;

    /**
     * Carries the command out on a server node.
     *
     * @return what it did, to print
     * @throws RuntimeException whose message says why it was refused
     */
    abstract String run(AdaptationControl control);

    /** @return where adaptation {@code id} stands as recorded now */
    static String state(AdaptationControl control, String id) {
        return control.adaptations().stream().filter(a -> a.id().equals(id)).findFirst()
            .map(a -> "Adaptation " + a.id() + " of " + a.table() + " is at step " + a.step()
                + (a.reason() == null ? "" : " (" + a.reason() + ')'))
            .orElseThrow(() -> new IllegalArgumentException("No adaptation " + id));
    }

    /** No arguments. */
    public static class ListArg extends AutopilotArg {
        private static final long serialVersionUID = 0L;

        @Override String run(AdaptationControl control) {
            List<Adaptation> all = control.adaptations();
            StringBuilder out = new StringBuilder();
            List<Adaptation> recommended = all.stream().filter(a -> a.step() == AdaptationStep.RECOMMENDED).toList();
            List<Adaptation> adaptations = all.stream().filter(a -> a.step() != AdaptationStep.RECOMMENDED).toList();
            out.append("Adaptations: ").append(adaptations.size()).append('\n');
            adaptations.forEach(a -> out.append("  ").append(describe(a)).append('\n'));
            out.append("Recommendations: ").append(recommended.size()).append('\n');
            recommended.forEach(a -> out.append("  ").append(describe(a)).append('\n'));
            return out.toString().stripTrailing();
        }

        private static String describe(Adaptation a) {
            StringBuilder s = new StringBuilder();
            s.append(a.id()).append(' ').append(a.table()).append(' ').append(a.step());
            FillState f = a.fill();
            if (a.step() == AdaptationStep.FILLING && f != null && f.rowsTotal() > 0) {
                long now = System.currentTimeMillis();
                s.append(String.format(Locale.ROOT, " %.1f%% filled (%d of %d rows, %.0f rows/s, %.0f s left)",
                    f.percent(), f.rowsFilled(), f.rowsTotal(), f.rowsPerSecond(now), f.etaSeconds(now)));
            }
            if (a.outcome() != null)
                s.append(", ").append(a.outcome());
            if (a.reason() != null)
                s.append(", reason: ").append(a.reason());
            s.append(", trigger: ").append(a.trigger());
            return s.toString();
        }

        @Override protected void writeExternalData(ObjectOutput out) {
            // Nothing to send.
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) {
            // Nothing to read.
        }
    }

    /** An adaptation or recommendation, by id. */
    public abstract static class AdaptationArg extends AutopilotArg {
        private static final long serialVersionUID = 0L;

        @Argument(description = "The adaptation's or recommendation's id (see --autopilot list)", example = "<id>")
        private String id;

        /** @return the id */
        public String id() {
            return id;
        }

        /** @param id the id */
        public void id(String id) {
            this.id = id;
        }

        @Override protected void writeExternalData(ObjectOutput out) throws IOException {
            U.writeString(out, id);
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) throws IOException {
            id = U.readString(in);
        }

    }

    /** {@code --id}. */
    public static class ApplyArg extends AdaptationArg {
        private static final long serialVersionUID = 0L;

        @Override String run(AdaptationControl control) {
            control.applyRecommendation(id());
            return "Applied recommendation " + id() + ". " + state(control, id());
        }
    }

    /** {@code --id}. */
    public static class RollbackArg extends AdaptationArg {
        private static final long serialVersionUID = 0L;

        @Override String run(AdaptationControl control) {
            boolean started = control.rollbackAdaptation(id());
            return (started ? "Rolling back adaptation " : "Already rolled back: adaptation ") + id() + ". "
                + state(control, id());
        }
    }

    /** {@code --id}, {@code --reason}. */
    public static class RejectArg extends AdaptationArg {
        private static final long serialVersionUID = 0L;

        @Argument(optional = true, description = "Why, for whoever reads the recommendations", example = "<text>")
        private String reason;

        /** @return why */
        public String reason() {
            return reason;
        }

        /** @param reason why */
        public void reason(String reason) {
            this.reason = reason;
        }

        @Override String run(AdaptationControl control) {
            control.rejectRecommendation(id(), reason);
            return "Rejected recommendation " + id() + ". " + state(control, id());
        }

        @Override protected void writeExternalData(ObjectOutput out) throws IOException {
            super.writeExternalData(out);
            U.writeString(out, reason);
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) throws IOException {
            super.readExternalData(protoVer, in);
            reason = U.readString(in);
        }
    }

    /** A table, {@code SCHEMA.TABLE}. */
    public abstract static class TableArg extends AutopilotArg {
        private static final long serialVersionUID = 0L;

        @Argument(description = "The table, SCHEMA.TABLE", example = "<SCHEMA.TABLE>")
        private String table;

        /** @return the table */
        public String table() {
            return table;
        }

        /** @param table the table */
        public void table(String table) {
            this.table = table;
        }

        @Override protected void writeExternalData(ObjectOutput out) throws IOException {
            U.writeString(out, table);
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) throws IOException {
            table = U.readString(in);
        }
    }

    /** {@code --table}, {@code --reason}. */
    public static class PinArg extends TableArg {
        private static final long serialVersionUID = 0L;

        @Argument(optional = true, description = "Why, for whoever reads the pins", example = "<text>")
        private String reason;

        /** @return why */
        public String reason() {
            return reason;
        }

        /** @param reason why */
        public void reason(String reason) {
            this.reason = reason;
        }

        @Override String run(AdaptationControl control) {
            control.pin(table(), reason == null ? "pinned with control.sh" : reason);
            return "Pinned " + table() + ": no adaptation starts on it until it is unpinned";
        }

        @Override protected void writeExternalData(ObjectOutput out) throws IOException {
            super.writeExternalData(out);
            U.writeString(out, reason);
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) throws IOException {
            super.readExternalData(protoVer, in);
            reason = U.readString(in);
        }
    }

    /** {@code --table}. */
    public static class UnpinArg extends TableArg {
        private static final long serialVersionUID = 0L;

        @Override String run(AdaptationControl control) {
            control.unpin(table());
            return control.pinned(table()) ? table() + " stays pinned: the configuration pins it"
                : "Unpinned " + table();
        }
    }

    /** {@code --file}; the profile itself is read from the file before it is sent. */
    public static class RequestArg extends AutopilotArg {
        private static final long serialVersionUID = 0L;

        @Argument(description = "A schema profile's JSON, as in AUTOPILOT.SCHEMA_PROFILES", example = "<profile.json>")
        private String file;

        private String profile;

        /** @return the file's path */
        public String file() {
            return file;
        }

        /** @param file the file's path */
        public void file(String file) {
            this.file = file;
        }

        /** @param profile the file's text */
        void profile(String profile) {
            this.profile = profile;
        }

        @Override String run(AdaptationControl control) {
            String id = control.requestAdaptation(profile);
            return "Requested adaptation " + id + " (see --autopilot list). " + state(control, id);
        }

        @Override protected void writeExternalData(ObjectOutput out) throws IOException {
            U.writeString(out, file);
            U.writeLongString(out, profile);
        }

        @Override protected void readExternalData(byte protoVer, ObjectInput in) throws IOException {
            file = U.readString(in);
            profile = U.readLongString(in);
        }
    }
}

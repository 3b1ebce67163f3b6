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

package dev.autopilot.examples.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a fault run found, written as {@code faults.json}: the kills made, and what went wrong for the data (lost
 * rows, wrong values, wrong results) and for the adaptations (those that reached no end within the bound, or ended
 * FAILED); {@code aborted} says why the run ended early, {@code null} when it ran to its end.
 */
public record FaultResult(int kills, int lostRows, int wrongValues, long wrongResults, int stuckAdaptations,
    String aborted) {
    /** @return the result of a run that ended before anything was counted, for {@code why} */
    public static FaultResult abortedBeforeStart(Throwable why) {
        return new FaultResult(0, 0, 0, 0, 0, String.valueOf(why));
    }

    /**
     * Writes {@code {"kills": N, "lost_rows": N, "wrong_values": N, "wrong_results": N, "stuck_adaptations": N}},
     * with {@code "aborted": "why"} after them when the run ended early.
     */
    public void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.format(Locale.ROOT, "{\"kills\": %d, \"lost_rows\": %d, \"wrong_values\": %d, "
            + "\"wrong_results\": %d, \"stuck_adaptations\": %d%s}%n", kills, lostRows, wrongValues, wrongResults,
            stuckAdaptations, aborted == null ? "" : ", \"aborted\": " + quoted(aborted)));
    }

    /** @return whether the run ran to its end and nothing went wrong */
    public boolean clean() {
        return aborted == null && lostRows == 0 && wrongValues == 0 && wrongResults == 0 && stuckAdaptations == 0;
    }

    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\')
                b.append('\\').append(c);
            else if (c < 0x20)
                b.append(String.format(Locale.ROOT, "\\u%04x", (int)c));
            else
                b.append(c);
        }
        return b.append('"').toString();
    }
}

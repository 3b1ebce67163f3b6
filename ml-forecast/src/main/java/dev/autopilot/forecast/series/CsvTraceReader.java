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

package dev.autopilot.forecast.series;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a load trace in the {@code timestamp,value} CSV form of the shipped traces (NAB corpus), so traces and
 * recorded production load can be replayed through the forecaster. Lines that cannot be parsed are skipped and
 * counted, never fatal.
 *
 * <p>Timestamps are {@code yyyy-MM-dd HH:mm:ss} (read as UTC) or epoch millis; an empty or non-numeric value is read
 * as NaN, which the cleaner then drops with the rest of the bad readings.
 */
public final class CsvTraceReader {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CsvTraceReader() {
    }

    /**
     * @param in CSV text with a header line.
     * @param report Receives a note about skipped lines.
     * @return Readings in file order.
     */
    public static List<RawPoint> read(Reader in, CleaningReport report) throws IOException {
        List<RawPoint> points = new ArrayList<>();
        int skipped = 0;
        try (BufferedReader r = new BufferedReader(in)) {
            String line = r.readLine();
            while ((line = r.readLine()) != null) {
                if (line.isBlank())
                    continue;
                int comma = line.indexOf(',');
                Long ts = comma < 0 ? null : timestamp(line.substring(0, comma).trim());
                if (ts == null) {
                    skipped++;
                    continue;
                }
                points.add(new RawPoint(ts, value(line.substring(comma + 1).trim())));
            }
        }
        if (skipped > 0)
            report.add(skipped + " lines without a readable timestamp skipped");
        return points;
    }

    private static Long timestamp(String s) {
        try {
            return LocalDateTime.parse(s, FORMAT).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        catch (DateTimeParseException e) {
            try {
                return Long.parseLong(s);
            }
            catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    private static double value(String s) {
        try {
            return Double.parseDouble(s);
        }
        catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}

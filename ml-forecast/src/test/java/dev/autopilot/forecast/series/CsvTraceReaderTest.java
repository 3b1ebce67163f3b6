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

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvTraceReaderTest {
    @Test
    void readsNabTracesAndSkipsBrokenLines() throws IOException {
        String csv = "timestamp,value\n"
            + "2015-02-26 21:42:53,104\n"
            + "not a time,5\n"
            + "2015-02-26 21:47:53,\n"
            + "\n"
            + "1424987573000,99.5\n";
        CleaningReport report = new CleaningReport();
        List<RawPoint> pts = CsvTraceReader.read(new StringReader(csv), report);
        assertEquals(3, pts.size());
        assertEquals(1_424_986_973_000L, pts.get(0).timestampMillis());
        assertEquals(104, pts.get(0).value());
        assertTrue(Double.isNaN(pts.get(1).value()));
        assertEquals(99.5, pts.get(2).value());
        assertTrue(report.issues().get(0).contains("1 lines"), report.toString());
    }
}

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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesCleanerTest {
    private static final long STEP = 300_000L;

    private static List<RawPoint> regular(double... values) {
        List<RawPoint> pts = new ArrayList<>();
        for (int i = 0; i < values.length; i++)
            pts.add(new RawPoint(i * STEP, values[i]));
        return pts;
    }

    private static boolean mentions(CleaningReport r, String word) {
        return r.issues().stream().anyMatch(i -> i.contains(word));
    }

    @Test
    void cleanInputIsKeptAsIs() {
        CleanSeries c = SeriesCleaner.clean(regular(1, 2, 3, 4), 0);
        assertTrue(c.report().clean(), c.report().toString());
        assertEquals(4, c.series().size());
        assertEquals(STEP, c.series().stepMillis());
        assertEquals(3, c.series().value(2));
    }

    @Test
    void gapsAreInterpolatedAndFlagged() {
        List<RawPoint> pts = regular(10, 20, 30, 40, 50);
        pts.remove(2);
        pts.remove(2);
        CleanSeries c = SeriesCleaner.clean(pts, STEP);
        assertEquals(5, c.series().size());
        assertEquals(30, c.series().value(2), 1e-9);
        assertEquals(40, c.series().value(3), 1e-9);
        assertFalse(c.series().observed(2));
        assertFalse(c.series().observed(3));
        assertTrue(c.series().observed(4));
        assertTrue(mentions(c.report(), "missing"), c.report().toString());
    }

    @Test
    void duplicateTimestampsAreAveraged() {
        List<RawPoint> pts = regular(1, 2, 3);
        pts.add(2, new RawPoint(STEP, 4));
        CleanSeries c = SeriesCleaner.clean(pts, STEP);
        assertEquals(3, c.series().size());
        assertEquals(3, c.series().value(1), 1e-9);
        assertTrue(mentions(c.report(), "duplicate"), c.report().toString());
    }

    @Test
    void unorderedReadingsAreSorted() {
        List<RawPoint> pts = regular(1, 2, 3, 4);
        List<RawPoint> shuffled = List.of(pts.get(2), pts.get(0), pts.get(3), pts.get(1));
        CleanSeries c = SeriesCleaner.clean(shuffled, 0);
        assertEquals(4, c.series().size());
        for (int i = 0; i < 4; i++)
            assertEquals(i + 1, c.series().value(i), 1e-9);
        assertTrue(mentions(c.report(), "order"), c.report().toString());
    }

    @Test
    void nanAndInfiniteReadingsAreDroppedAndFilled() {
        CleanSeries c = SeriesCleaner.clean(regular(1, Double.NaN, 3, Double.POSITIVE_INFINITY, 5), STEP);
        assertEquals(5, c.series().size());
        assertEquals(2, c.series().value(1), 1e-9);
        assertEquals(4, c.series().value(3), 1e-9);
        assertTrue(mentions(c.report(), "NaN"), c.report().toString());
    }

    @Test
    void negativeCountsAreDropped() {
        CleanSeries c = SeriesCleaner.clean(regular(4, -7, 8), STEP);
        assertEquals(6, c.series().value(1), 1e-9);
        assertFalse(c.series().observed(1));
        assertTrue(mentions(c.report(), "negative"), c.report().toString());
    }

    @Test
    void tooFewReadingsGiveAShortSeriesNotAnError() {
        CleanSeries none = SeriesCleaner.clean(List.of(new RawPoint(0, Double.NaN)), STEP);
        assertEquals(0, none.series().size());
        assertTrue(mentions(none.report(), "usable"), none.report().toString());
        CleanSeries one = SeriesCleaner.clean(List.of(new RawPoint(0, 5)), 0);
        assertEquals(1, one.series().size());
    }

    @Test
    void jitteredTimestampsLandInTheirWindow() {
        List<RawPoint> pts = List.of(new RawPoint(0, 1), new RawPoint(STEP + 20_000, 2), new RawPoint(2 * STEP - 15_000, 3));
        CleanSeries c = SeriesCleaner.clean(pts, STEP);
        assertEquals(3, c.series().size());
        assertEquals(3, c.series().value(2), 1e-9);
    }
}

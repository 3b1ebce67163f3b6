package dev.autopilot.adaptation.manage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlowTableDetectorTest {
    private final SlowTableDetector detector = new SlowTableDetector(10, 2, 0.8);

    @Test
    void aTableIsSlowAfterTheConfiguredSlowWindowsInARow() {
        assertFalse(detector.observe("T", 12));
        assertTrue(detector.observe("T", 15));
        assertTrue(detector.observe("T", 11));
        assertFalse(detector.observe("U", 11), "tables are counted apart");
    }

    @Test
    void latencyInTheHysteresisBandNeitherCountsNorBreaksTheStreak() {
        assertFalse(detector.observe("T", 12));
        assertFalse(detector.observe("T", 9));
        assertTrue(detector.observe("T", 12), "9 ms is above 0.8 x 10 ms: the streak went on");
    }

    @Test
    void aClearlyFastWindowOrAResetEndsTheStreak() {
        detector.observe("T", 12);
        assertFalse(detector.observe("T", 7));
        assertFalse(detector.observe("T", 12));
        assertTrue(detector.observe("T", 12));
        detector.reset("T");
        assertFalse(detector.observe("T", 12));
    }

    @Test
    void windowsWithoutReadsChangeNothing() {
        detector.observe("T", 12);
        assertFalse(detector.observe("T", Double.NaN));
        assertTrue(detector.observe("T", 12));
    }
}

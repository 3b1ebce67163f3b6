package dev.autopilot.forecast.model;

/** Index arithmetic shared by the seasonal models. */
final class Seasons {
    private Seasons() {
    }

    /** The latest window at or before {@code origin} that lies a whole number of seasons before {@code origin + h}. */
    static int sameTimeLastSeason(int origin, int h, int season) {
        return origin + h - season * ((h + season - 1) / season);
    }
}

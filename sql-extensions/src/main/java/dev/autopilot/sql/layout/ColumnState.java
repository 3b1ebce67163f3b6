package dev.autopilot.sql.layout;

/** Where a derived column is in its life: only a {@link #READY} one may answer queries. */
public enum ColumnState {
    /** The column exists and new writes keep it current, but old rows may still hold no value. */
    BUILDING,

    /** Every row holds the value and every covered write path keeps it current. */
    READY,

    /**
     * Dropped from the partition's profile: writes keep it current and queries no longer use it, so that a rollback
     * within the grace period can make it {@link #READY} again at once; dropped after the grace period.
     */
    RETIRING
}

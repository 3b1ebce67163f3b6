package dev.autopilot.plugin;

/** How far the Partition Adaptation Manager goes on its own. */
public enum AdaptationMode {
    /** Adapts a slow table to its profile when the profile promises enough gain. */
    AUTO,

    /** Logs and counts what it would adapt; a user applies a profile with {@code requestAdaptation}. */
    RECOMMEND,

    /** Only carries out what users request. */
    OFF
}

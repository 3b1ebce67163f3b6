package dev.autopilot.plugin;

/** Whether the standby scaler runs, and whether it changes the baseline or only records what it would do. */
public enum StandbyScalerMode {
    /** Not run. */
    OFF,

    /** Decides every period and records each add and removal in {@code AUTOPILOT.PLAN_CHANGES}; changes nothing. */
    DRY_RUN,

    /** Decides, records and changes the baseline: adds a standby node ahead of a predicted spike, removes it after. */
    APPLY
}

package dev.autopilot.examples.bench;

import java.util.concurrent.TimeUnit;
import dev.autopilot.adaptation.manage.Adaptation;
import dev.autopilot.plugin.AutopilotPlugin;

/**
 * Runs the adaptation machinery once before the workload, on ORDERS, which no phase reads, then takes its structures
 * away, so that the Autopilot cluster starts the workload like the static one. The hand-tuned cluster runs the same
 * code (columns added and filled, indexes built) in its own set-up, and a cluster that has been running has run it
 * before; without this, phase 1's adaptation is the first run of that code in a fresh JVM, whose compiler then competes
 * with the readers for the two cores: a LINEITEM fill under two scanning readers took 62 s cold and 45 s after this.
 */
final class AdaptationWarmUp {
    static final String TABLE = "PUBLIC.ORDERS";

    /** Columns and indexes of the kinds the phases' adaptations add: products, sums and buckets. */
    private static final String PROFILE = """
        {"partition_id": "ORDERS", "table": "PUBLIC.ORDERS", "version": 1,
         "derived_attributes": [{"name": "AP_WARM_PRICE_TWICE", "expression": "O_TOTALPRICE * 2"},
                                {"name": "AP_WARM_PRICE_BUCKET", "expression": "FLOOR(O_TOTALPRICE / 1000)"}],
         "indexes": [{"name": "AP_WARM_IDX_PRICE_TWICE", "columns": ["AP_WARM_PRICE_TWICE"]},
                     {"name": "AP_WARM_IDX_PRICE_BUCKET", "columns": ["AP_WARM_PRICE_BUCKET", "O_ORDERDATE"]}]}
        """;

    private static final long TIMEOUT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private AdaptationWarmUp() {
    }

    /** Adapts ORDERS, waits until the adaptation completed, and removes what it added. */
    static void run(AutopilotPlugin plugin) {
        String id = plugin.requestAdaptation(PROFILE);
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        Adaptation a = adaptation(plugin, id);
        while (!a.step().finished()) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("The warm-up adaptation of " + TABLE + " did not finish in 5 min");
            sleep();
            a = adaptation(plugin, id);
        }
        if (!Adaptation.COMPLETED.equals(a.outcome()))
            throw new IllegalStateException("The warm-up adaptation of " + TABLE + " ended " + a.outcome() + ": "
                + a.reason());
        plugin.removeStructures(TABLE);
    }

    private static Adaptation adaptation(AutopilotPlugin plugin, String id) {
        return plugin.adaptations().stream().filter(x -> x.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalStateException("No adaptation " + id));
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during the warm-up", e);
        }
    }
}

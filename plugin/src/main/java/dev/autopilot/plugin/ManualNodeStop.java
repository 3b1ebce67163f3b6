package dev.autopilot.plugin;

import java.util.concurrent.TimeUnit;
import dev.autopilot.affinity.apply.BaselinePlanExecutor;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteLogger;

/**
 * How the standby scaler removes a node in {@code APPLY} mode: it asks the operator (a warning in the log) to stop the
 * node gracefully and waits until it has left. The scaler does not stop nodes itself: it may run on the very node
 * that leaves, and a stop started from inside Ignite (a compute job) is not tested here yet. The plan of the smaller
 * node set is published before the request, so the remaining nodes follow it the moment the node leaves.
 */
final class ManualNodeStop implements BaselinePlanExecutor.NodeStopper {
    /** How long a removal waits for the node to leave before it is recorded as failed (and tried again later). */
    static final long WAIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final Ignite ignite;
    private final IgniteLogger log;
    private final long waitMillis;

    ManualNodeStop(Ignite ignite, IgniteLogger log, long waitMillis) {
        this.ignite = ignite;
        this.log = log;
        this.waitMillis = waitMillis;
    }

    @Override public void stop(String consistentId) throws Exception {
        log.warning("Autopilot's standby scaler removes node " + consistentId + ": stop it now (Ignition.stop(name, "
            + "false) or kill -TERM; the shutdown policy is GRACEFUL), the smaller baseline is set once it has left; "
            + "waiting " + waitMillis + " ms");
        long deadline = System.currentTimeMillis() + waitMillis;
        while (online(consistentId)) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("node " + consistentId + " was not stopped within " + waitMillis + " ms");
            Thread.sleep(200);
        }
    }

    private boolean online(String consistentId) {
        return ignite.cluster().forServers().nodes().stream()
            .anyMatch(n -> consistentId.equals(String.valueOf(n.consistentId())));
    }
}

package dev.autopilot.affinity;

/** Where plans are kept, shared by all nodes; the Ignite-internal implementation stays behind this interface. */
public interface PlanStore {
    /** @return The plan under {@code key} as rows of consistent ids, or {@code null} if there is none. */
    String[][] read(String key) throws Exception;

    /**
     * Writes {@code plan} under {@code key} unless a plan is already there; a written plan is never replaced.
     *
     * @return Whether this call wrote it.
     */
    boolean writeOnce(String key, String[][] plan) throws Exception;
}

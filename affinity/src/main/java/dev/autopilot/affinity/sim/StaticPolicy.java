package dev.autopilot.affinity.sim;

/** A fixed fleet sized for the peak, Rendezvous placement, never changed: the load-blind baseline. */
final class StaticPolicy implements Policy {
    @Override public String name() {
        return "static-rendezvous";
    }

    @Override public void beforeWindow(int t, Fleet fleet) {
    }
}

package dev.autopilot.examples.workload;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Named daemon threads, so a stuck client thread never keeps a demo JVM alive and thread dumps say who is who. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();

        return task -> {
            Thread thread = new Thread(task, prefix + "-" + counter.getAndIncrement());

            thread.setDaemon(true);

            return thread;
        };
    }
}

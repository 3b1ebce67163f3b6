/*
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.autopilot.adaptation.derive;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;

/**
 * What to derive on this node, following the partition layouts: every derived column a layout lists, building or
 * ready, is computed on every write to its cache. Functions are compiled once per set of derived columns and shared
 * by all threads; a new layout that only changes states or indexes keeps them. Compiling plans a statement, which can
 * wait for a partition exchange, and an exchange waits for the writes in flight: so compiling runs on a thread of its
 * own, right after each new snapshot ({@link #compileAll}), and a write that finds it unfinished waits a bounded time,
 * then fails (the writer may retry) rather than hold up an exchange for ever.
 */
public final class LayoutDerivations implements Derivations {
    private final Ignite node;
    /** How long a write waits for its derived columns to be compiled. */
    private static final long WAIT_MILLIS = 1_000;

    private final FunctionCompiler compiler;
    private final Executor compiling = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "autopilot-derivation-compiler");
        t.setDaemon(true);
        return t;
    });

    private volatile State state = new State(LayoutSnapshot.EMPTY);

    /**
     * @param node the local node (used once it has started)
     * @param compiler compiles an expression as Ignite SQL does
     */
    public LayoutDerivations(Ignite node, FunctionCompiler compiler) {
        this.node = node;
        this.compiler = compiler;
    }

    /** Follows a new snapshot of the layouts: the next write derives by it. */
    public void onSnapshot(LayoutSnapshot snapshot) {
        State old = state;
        State next = new State(snapshot);
        old.derivers.forEach((cache, deriver) -> {
            PartitionLayout before = old.byCache.get(cache);
            PartitionLayout now = next.byCache.get(cache);
            if (now != null && definitions(before).equals(definitions(now)))
                next.derivers.put(cache, deriver);
        });
        state = next;
    }

    /** Starts compiling what the current snapshot derives and is not compiled yet. */
    public void compileAll() {
        State s = state;
        s.byCache.forEach((cache, layout) -> {
            if (!layout.derived().isEmpty())
                s.derivers.computeIfAbsent(cache, c -> CompletableFuture.supplyAsync(() -> compile(layout), compiling));
        });
    }

    private static List<String> definitions(PartitionLayout layout) {
        return layout.derived().stream().map(c -> c.name() + '=' + c.storedSql()).toList();
    }

    @Override public RowDeriver forCache(String cacheName) {
        State s = state;
        PartitionLayout layout = s.byCache.get(cacheName);
        if (layout == null || layout.derived().isEmpty())
            return null;
        CompletableFuture<RowDeriver> deriver = s.derivers.computeIfAbsent(cacheName,
            c -> CompletableFuture.supplyAsync(() -> compile(layout), compiling));
        try {
            return deriver.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException e) {
            throw new DerivationsCompiling("The derived columns of cache " + cacheName + " are still being compiled "
                + "after " + WAIT_MILLIS + " ms (a partition exchange may be running); retry the write");
        }
        catch (ExecutionException e) {
            s.derivers.remove(cacheName, deriver);
            throw new IllegalStateException("Cannot compile the derived columns of cache " + cacheName + ": "
                + e.getCause().getMessage(), e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling the derived columns of cache " + cacheName);
        }
    }

    private RowDeriver compile(PartitionLayout layout) {
        return RowDeriver.compile(node.binary(), compiler, layout);
    }

    /** One snapshot, indexed by cache, with the derivers compiled for it so far. */
    private static final class State {
        final Map<String, PartitionLayout> byCache;
        final Map<String, CompletableFuture<RowDeriver>> derivers = new ConcurrentHashMap<>();

        State(LayoutSnapshot snapshot) {
            byCache = snapshot.all().stream()
                .collect(Collectors.toUnmodifiableMap(l -> l.table().cacheName(), l -> l, (a, b) -> a));
        }
    }
}

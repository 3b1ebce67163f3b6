package dev.autopilot.adaptation.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import dev.autopilot.sql.derived.DerivedValueFunction;
import dev.autopilot.sql.layout.DerivedColumn;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.layout.PartitionLayout;
import org.apache.ignite.Ignite;

/**
 * What to derive on this node, following the partition layouts: every derived column a layout lists, building or
 * ready, is computed on every write to its cache. Functions are compiled on first use per layout version and shared
 * by all threads.
 */
public final class LayoutDerivations implements Derivations {
    private final Ignite node;
    private final FunctionCompiler compiler;

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
        state = new State(snapshot);
    }

    @Override public RowDeriver forCache(String cacheName) {
        State s = state;
        PartitionLayout layout = s.byCache.get(cacheName);
        if (layout == null || layout.derived().isEmpty())
            return null;
        return s.derivers.computeIfAbsent(cacheName, c -> compile(layout));
    }

    private RowDeriver compile(PartitionLayout layout) {
        String qualified = layout.table().table();
        int dot = qualified.indexOf('.');
        String schema = qualified.substring(0, dot);
        String table = qualified.substring(dot + 1);
        List<RowDeriver.Field> fields = new ArrayList<>();
        for (DerivedColumn c : layout.derived()) {
            DerivedValueFunction f = compiler.compile(schema, table, c.expression().canonical());
            fields.add(new RowDeriver.Field(c.name(), f, FieldClasses.of(f.columnType())));
        }
        return new RowDeriver(node.binary(), fields);
    }

    /** One snapshot, indexed by cache, with the derivers compiled for it so far. */
    private static final class State {
        final Map<String, PartitionLayout> byCache;
        final Map<String, RowDeriver> derivers = new ConcurrentHashMap<>();

        State(LayoutSnapshot snapshot) {
            byCache = snapshot.all().stream()
                .collect(Collectors.toUnmodifiableMap(l -> l.table().cacheName(), l -> l, (a, b) -> a));
        }
    }
}

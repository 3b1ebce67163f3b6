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

package dev.autopilot.adaptation.control;

import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import dev.autopilot.adaptation.apply.LayoutSteps;
import dev.autopilot.adaptation.layout.LayoutStore;
import dev.autopilot.adaptation.manage.AdaptationRequests;
import dev.autopilot.adaptation.internal.SchemaEvents;

/**
 * Follows a user's own DDL on the tables Autopilot changed (issue 23). On the thread that applies it, at once: the
 * node's layouts are followed to the table again (the user's columns, what is left of Autopilot's), and a dropped
 * table's layout is forgotten, so nothing on this node applies it to a new table of the same name. Then, in the
 * background on the servers: the dropped table's layout is removed cluster-wide, its unfinished adaptations are ended
 * as rolled back, and derived columns that lost a column they read are dropped.
 */
public final class TableDdlFollower implements SchemaEvents.Tables {
    private final LayoutStore layouts;
    private final Supplier<LayoutSteps> steps;
    private final Supplier<AdaptationRequests> requests;
    private final Consumer<Runnable> background;
    private final LongSupplier clock;

    /**
     * @param layouts the node's layouts
     * @param steps the layout steps, once the node has started
     * @param requests the adaptation requests, once the node has started
     * @param background runs work off Ignite's thread on a server node, and drops it elsewhere
     * @param clock epoch millis
     */
    public TableDdlFollower(LayoutStore layouts, Supplier<LayoutSteps> steps, Supplier<AdaptationRequests> requests,
        Consumer<Runnable> background, LongSupplier clock) {
        this.layouts = layouts;
        this.steps = steps;
        this.requests = requests;
        this.background = background;
        this.clock = clock;
    }

    @Override public void changed(String table) {
        layouts.tablesChanged();
    }

    @Override public void columnsDropped(String table) {
        background.accept(() -> steps.get().dropBroken(table));
    }

    @Override public void dropped(String table) {
        String raw = layouts.forget(table);
        long at = clock.getAsLong();
        background.accept(() -> {
            if (raw != null)
                layouts.removeIfUnchanged(table, raw);
            requests.get().tableDropped(table, at);
        });
    }
}

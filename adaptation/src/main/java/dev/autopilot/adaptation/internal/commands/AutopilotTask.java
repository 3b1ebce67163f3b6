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

package dev.autopilot.adaptation.internal.commands;

import dev.autopilot.adaptation.control.AdaptationControl;
import org.apache.ignite.IgniteException;
import org.apache.ignite.internal.processors.task.GridInternal;
import org.apache.ignite.internal.visor.VisorJob;
import org.apache.ignite.internal.visor.VisorOneNodeTask;
import org.apache.ignite.plugin.PluginProvider;

/**
 * Runs one {@code control.sh --autopilot} command on a server node: the argument says what to do
 * ({@link AutopilotArg#run}), through the {@link AdaptationControl} of that node's plugin; what it returns is printed.
 */
@GridInternal
public class AutopilotTask extends VisorOneNodeTask<AutopilotArg, String> {
    private static final long serialVersionUID = 0L;

    @Override protected VisorJob<AutopilotArg, String> job(AutopilotArg arg) {
        return new Job(arg, debug);
    }

    /** The command, on the node. */
    private static class Job extends VisorJob<AutopilotArg, String> {
        private static final long serialVersionUID = 0L;

        Job(AutopilotArg arg, boolean debug) {
            super(arg, debug);
        }

        @Override protected String run(AutopilotArg arg) {
            for (PluginProvider<?> p : ignite.context().plugins().allProviders()) {
                if (p.plugin() instanceof AdaptationControl.Owner owner)
                    return arg.run(owner.adaptation());
            }
            throw new IgniteException("Autopilot does not run on node " + ignite.localNode().id());
        }
    }
}

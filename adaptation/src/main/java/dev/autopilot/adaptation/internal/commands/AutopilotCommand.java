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

import java.util.function.Consumer;
import org.apache.ignite.internal.management.api.CommandRegistryImpl;
import org.apache.ignite.internal.management.api.ComputeCommand;
import org.apache.ignite.internal.management.api.HelpCommand;

/**
 * {@code control.sh --autopilot <list|apply|reject|rollback|pin|unpin|request>}: the adaptation manager's controls
 * from the command line. Each subcommand runs an {@link AutopilotTask} on the node {@code control.sh} connects to,
 * which calls the node's {@code AdaptationControl}, and prints what it did; a refusal (unknown id, a profile naming the bad
 * field) fails the command with its message. Ignite's control utility names a command after its class, so the class
 * names are the command names.
 */
public class AutopilotCommand extends CommandRegistryImpl {
    /** The subcommands. */
    public AutopilotCommand() {
        super(new AutopilotHelpCommand(), new AutopilotListCommand(), new AutopilotApplyCommand(), new AutopilotRejectCommand(),
            new AutopilotRollbackCommand(), new AutopilotPinCommand(), new AutopilotUnpinCommand(),
            new AutopilotRequestCommand());
    }

    /** What every subcommand shares: the task it runs, and printing the text it returns. */
    abstract static class Subcommand implements ComputeCommand<AutopilotArg, String> {
        @Override public Class<AutopilotTask> taskClass() {
            return AutopilotTask.class;
        }

        @Override public void printResult(AutopilotArg arg, String res, Consumer<String> printer) {
            printer.accept(res);
        }
    }

    /** {@code --autopilot help}: the subcommands and their arguments, as for Ignite's own command groups. */
    public static class AutopilotHelpCommand implements HelpCommand {
        @Override public String description() {
            return "Print Autopilot's commands";
        }
    }

    /** {@code --autopilot list}. */
    public static class AutopilotListCommand extends Subcommand {
        @Override public String description() {
            return "Show Autopilot's adaptations, with their progress, and its recommendations";
        }

        @Override public Class<AutopilotArg.ListArg> argClass() {
            return AutopilotArg.ListArg.class;
        }
    }

    /** {@code --autopilot apply --id <id>}. */
    public static class AutopilotApplyCommand extends Subcommand {
        @Override public String description() {
            return "Apply a recommendation: it becomes an adaptation, planned against the table now";
        }

        @Override public Class<AutopilotArg.ApplyArg> argClass() {
            return AutopilotArg.ApplyArg.class;
        }
    }

    /** {@code --autopilot reject --id <id> [--reason <text>]}. */
    public static class AutopilotRejectCommand extends Subcommand {
        @Override public String description() {
            return "Reject a recommendation; the same change is not recommended again";
        }

        @Override public Class<AutopilotArg.RejectArg> argClass() {
            return AutopilotArg.RejectArg.class;
        }
    }

    /** {@code --autopilot rollback --id <id>}. */
    public static class AutopilotRollbackCommand extends Subcommand {
        @Override public String description() {
            return "Roll an adaptation back, finished or not";
        }

        @Override public Class<AutopilotArg.RollbackArg> argClass() {
            return AutopilotArg.RollbackArg.class;
        }
    }

    /** {@code --autopilot pin --table <SCHEMA.TABLE> [--reason <text>]}. */
    public static class AutopilotPinCommand extends Subcommand {
        @Override public String description() {
            return "Pin a table: no adaptation starts on it until it is unpinned";
        }

        @Override public Class<AutopilotArg.PinArg> argClass() {
            return AutopilotArg.PinArg.class;
        }
    }

    /** {@code --autopilot unpin --table <SCHEMA.TABLE>}. */
    public static class AutopilotUnpinCommand extends Subcommand {
        @Override public String description() {
            return "Unpin a table pinned at run time";
        }

        @Override public Class<AutopilotArg.UnpinArg> argClass() {
            return AutopilotArg.UnpinArg.class;
        }
    }
}

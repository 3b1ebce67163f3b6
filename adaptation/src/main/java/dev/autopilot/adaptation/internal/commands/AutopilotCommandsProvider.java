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

import java.util.Collection;
import java.util.List;
import org.apache.ignite.internal.commandline.CommandsProvider;
import org.apache.ignite.internal.management.api.Command;

/**
 * Hands Autopilot's commands to {@code control.sh}, which loads every {@link CommandsProvider} on its class path
 * (Ignite's {@code libs/}, where Autopilot's jars are) through {@link java.util.ServiceLoader}.
 */
public class AutopilotCommandsProvider implements CommandsProvider {
    @Override public Collection<Command<?, ?>> commands() {
        return List.of(new AutopilotCommand());
    }
}

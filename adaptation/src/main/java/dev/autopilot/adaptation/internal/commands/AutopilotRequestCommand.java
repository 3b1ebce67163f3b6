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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.ignite.Ignite;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.internal.client.GridClient;
import org.apache.ignite.internal.management.api.PreparableCommand;

/**
 * {@code --autopilot request --file <profile.json>}: asks the adaptation manager for a profile. The file is read
 * where {@code control.sh} runs, before anything is sent: the nodes need not see it.
 */
public class AutopilotRequestCommand extends AutopilotCommand.Subcommand
    implements PreparableCommand<AutopilotArg, String> {
    @Override public String description() {
        return "Request an adaptation to a schema profile read from a JSON file";
    }

    @Override public Class<AutopilotArg.RequestArg> argClass() {
        return AutopilotArg.RequestArg.class;
    }

    @Override public boolean prepare(GridClient cli, IgniteClient client, Ignite ignite, AutopilotArg arg,
        Consumer<String> printer) {
        AutopilotArg.RequestArg request = (AutopilotArg.RequestArg)arg;
        try {
            request.profile(Files.readString(Path.of(request.file())));
            return true;
        }
        catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the profile file " + request.file() + ": " + e, e);
        }
    }
}

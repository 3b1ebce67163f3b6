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

package dev.autopilot.examples.bench;

import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs each configuration of the drift benchmark in a JVM of its own, started like this one (same class path, same
 * JVM options), and reads back what it measured. Configurations run one after another in one JVM would share its
 * heap and its JIT profiles, so the one that runs last would be measured in the most used JVM; JMH forks for the same
 * reason. Configurations compared run at the same time, preparing one at a time and then taking turns reading, so
 * that all are measured in the same minutes of a shared machine whose speed drifts.
 */
final class ForkedRuns {
    /** The argument that makes a run write its result to a file and exit: set on forked runs only. */
    static final String RESULT_FILE = "resultFile";

    /** The folder where forks running at the same time meet ({@link Rendezvous}): set on such forks only. */
    static final String TOGETHER = "together";

    /** The labels of the forks running at the same time, in the order of their turns: set on such forks only. */
    static final String TURN_ORDER = "turnOrder";

    private static final Set<String> FORK_ARGS = Set.of("setups", "fork", RESULT_FILE, TOGETHER, TURN_ORDER);

    private ForkedRuns() {
    }

    /**
     * Runs configurations at the same time, each in a JVM of its own; more than one take turns reading
     * ({@link Rendezvous}, {@link ReadTurns}), in the order given.
     *
     * @param setups the configurations to run
     * @param args the benchmark's arguments; each fork gets them with {@code setups} set to its configuration alone
     * @return what the forked runs measured, in the order of {@code setups}
     */
    static List<ConfigRun> run(List<DriftSetup> setups, Map<String, String> args)
        throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory("drift-forks");
        List<Process> forks = new ArrayList<>();
        try {
            for (DriftSetup setup : setups)
                forks.add(new ProcessBuilder(command(setup, setups, folder, args)).inheritIO().start());
            List<ConfigRun> out = new ArrayList<>();
            for (int i = 0; i < setups.size(); i++) {
                String label = setups.get(i).label();
                int exit = forks.get(i).waitFor();
                if (exit != 0)
                    throw new IllegalStateException("The " + label + " run exited with " + exit);
                Path result = folder.resolve(label + ".ser");
                try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
                    out.add((ConfigRun)in.readObject());
                }
                catch (ClassNotFoundException e) {
                    throw new IllegalStateException("The " + label + " run wrote no result", e);
                }
            }
            return out;
        }
        finally {
            forks.forEach(Process::destroyForcibly);
            try (var files = Files.list(folder)) {
                for (Path f : files.toList())
                    Files.delete(f);
            }
            Files.delete(folder);
        }
    }

    private static List<String> command(DriftSetup setup, List<DriftSetup> setups, Path folder,
        Map<String, String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(classPath());
        command.add(DriftBenchmark.class.getName());
        args.forEach((k, v) -> {
            if (!FORK_ARGS.contains(k))
                command.add(k + '=' + v);
        });
        command.add("setups=" + setup.label());
        command.add("fork=false");
        command.add(RESULT_FILE + '=' + folder.resolve(setup.label() + ".ser"));
        if (setups.size() > 1) {
            command.add(TOGETHER + '=' + folder);
            command.add(TURN_ORDER + '=' + String.join(",", setups.stream().map(DriftSetup::label).toList()));
        }
        return command;
    }

    /** Writes a forked run's result for the JVM that started it. */
    static void write(ConfigRun run, Path result) throws IOException {
        try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(result))) {
            out.writeObject(run);
        }
    }

    /**
     * @return this JVM's application class path: under {@code mvn exec:java} the classes come from Maven's class
     *     loaders, not from {@code java.class.path}
     */
    static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = DriftBenchmark.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader u) {
                for (URL url : u.getURLs())
                    entries.add(path(url));
            }
        }
        entries.addAll(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        return String.join(File.pathSeparator, entries);
    }

    private static String path(URL url) {
        try {
            return Path.of(url.toURI()).toString();
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException("Class path entry " + url, e);
        }
    }
}

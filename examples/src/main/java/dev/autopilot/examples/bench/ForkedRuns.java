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
 * reason.
 */
final class ForkedRuns {
    /** The argument that makes a run write its result to a file and exit: set on forked runs only. */
    static final String RESULT_FILE = "resultFile";

    private ForkedRuns() {
    }

    /**
     * @param setup the configuration to run
     * @param args the benchmark's arguments; the fork gets them with {@code setups} set to {@code setup} alone
     * @return what the forked run measured
     */
    static ConfigRun run(DriftSetup setup, Map<String, String> args) throws IOException, InterruptedException {
        Path result = Files.createTempFile("drift-" + setup.label(), ".ser");
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            command.add("-cp");
            command.add(classPath());
            command.add(DriftBenchmark.class.getName());
            args.forEach((k, v) -> {
                if (!k.equals("setups") && !k.equals("fork") && !k.equals(RESULT_FILE))
                    command.add(k + '=' + v);
            });
            command.add("setups=" + setup.label());
            command.add("fork=false");
            command.add(RESULT_FILE + '=' + result);
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0)
                throw new IllegalStateException("The " + setup.label() + " run exited with " + exit);
            try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(result))) {
                return (ConfigRun)in.readObject();
            }
            catch (ClassNotFoundException e) {
                throw new IllegalStateException("The " + setup.label() + " run wrote no result", e);
            }
        }
        finally {
            Files.deleteIfExists(result);
        }
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
    private static String classPath() {
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

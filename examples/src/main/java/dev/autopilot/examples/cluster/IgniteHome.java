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

package dev.autopilot.examples.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * An {@code IGNITE_HOME} laid out as Ignite 2.17.0's binary distribution, with Autopilot's binary package installed
 * the way the README says: the distribution is not on Maven Central, so its {@code libs/} is made from the jars at hand
 * (Maven's), each put where the distribution's jar list ({@code assembly/ignite-2.17.0-dist-jars.txt}) says; then the
 * package is unzipped, {@code autopilot/libs/autopilot} copied into {@code libs/}, its config into {@code config/}, and
 * {@code libs/optional/ignite-calcite} moved to {@code libs/}. A node started from it gets the class path
 * {@code ignite.sh} would give it, so what the package lacks, or ships twice, shows.
 */
public final class IgniteHome {
    /** The directories a node cannot start without: Ignite's core, Spring to read the XML, and Calcite. */
    private static final Set<String> REQUIRED = Set.of("libs", "libs/ignite-spring", "libs/optional/ignite-calcite");

    private final Path dir;
    private final List<String> missing;

    private IgniteHome(Path dir, List<String> missing) {
        this.dir = dir;
        this.missing = missing;
    }

    /**
     * @param dir an empty or missing directory to make the home in
     * @param distList the distribution's jar list
     * @param jars jars to take the distribution's from, matched by file name (a Maven class path)
     * @param packageZip Autopilot's binary package, {@code autopilot-VERSION-bin.zip}
     * @return the home, installed
     * @throws IllegalStateException when a jar of a required directory ({@link #REQUIRED}) is not among {@code jars}
     */
    public static IgniteHome install(Path dir, Path distList, Collection<Path> jars, Path packageZip)
        throws IOException {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path j : jars) {
            if (j.getFileName().toString().endsWith(".jar"))
                byName.putIfAbsent(j.getFileName().toString(), j);
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> d : readDistList(distList).entrySet()) {
            Path target = Files.createDirectories(dir.resolve(d.getKey()));
            for (String name : d.getValue()) {
                Path jar = byName.get(name);
                if (jar != null)
                    Files.copy(jar, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                else if (REQUIRED.contains(d.getKey()))
                    throw new IllegalStateException("No " + name + " for " + d.getKey() + " among the jars given");
                else
                    missing.add(d.getKey() + '/' + name);
            }
        }
        unzip(packageZip, dir);
        copyTree(dir.resolve("autopilot/libs/autopilot"), dir.resolve("libs/autopilot"));
        copyTree(dir.resolve("autopilot/config"), dir.resolve("config"));
        Files.move(dir.resolve("libs/optional/ignite-calcite"), dir.resolve("libs/ignite-calcite"));
        return new IgniteHome(dir, List.copyOf(missing));
    }

    /** @return the home directory */
    public Path dir() {
        return dir;
    }

    /** @return a file of {@code config/}, where the package's Spring XML is installed */
    public Path config(String name) {
        return dir.resolve("config").resolve(name);
    }

    /**
     * @return the distribution's jars that were not at hand (directory/file), all in directories a node running
     *     Autopilot can do without
     */
    public List<String> missing() {
        return missing;
    }

    /**
     * @return the class path {@code ignite.sh} builds ({@code bin/include/build-classpath.sh}): {@code libs/*} and
     *     {@code libs/<dir>/*} of every directory but {@code libs/optional}, as wildcards the JVM expands
     */
    public String classPath() {
        Path libs = dir.resolve("libs");
        try (Stream<Path> dirs = Files.list(libs)) {
            List<String> entries = new ArrayList<>();
            entries.add(libs.resolve("*").toString());
            dirs.filter(Files::isDirectory).filter(d -> !d.getFileName().toString().equals("optional")).sorted()
                .forEach(d -> entries.add(d.resolve("*").toString()));
            return String.join(java.io.File.pathSeparator, entries);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return directory to the jar file names under it, from "## directory" lines and file-name lines */
    private static Map<String, List<String>> readDistList(Path list) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        String dir = null;
        for (String line : Files.readAllLines(list)) {
            line = line.trim();
            if (line.startsWith("## "))
                dir = line.substring(3).trim();
            else if (!line.isEmpty() && !line.startsWith("#") && dir != null)
                out.computeIfAbsent(dir, k -> new ArrayList<>()).add(line);
        }
        return out;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path target = into.resolve(e.getName()).normalize();
                if (!target.startsWith(into))
                    throw new IOException("Entry outside the target directory: " + e.getName());
                if (e.isDirectory())
                    Files.createDirectories(target);
                else {
                    Files.createDirectories(target.getParent());
                    copy(in, target);
                }
            }
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from))
            throw new IllegalStateException("The package has no " + from.getFileName() + " where the README says");
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f))
                    Files.createDirectories(target);
                else
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

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

package dev.autopilot.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the binary package that {@code package} built and checks it against Ignite 2.17.0's distribution jar list
 * ({@code assembly/ignite-2.17.0-dist-jars.txt}) and the product modules' runtime class path: the layout, every product
 * jar and no examples, no jar the distribution already has (by file name, or the same library in another version),
 * and nothing of the runtime class path lost on the way.
 */
class BinaryPackageIT {
    /** Where the jars go. */
    private static final String LIBS = "autopilot/libs/autopilot/";

    /** Autopilot's product modules: all of them are shipped, nothing else of Autopilot's (examples, assembly). */
    private static final List<String> PRODUCT_MODULES =
        List.of("autopilot-plugin", "autopilot-adaptation", "autopilot-affinity", "autopilot-sql-extensions",
            "autopilot-ml-forecast");

    /**
     * Directories of the distribution that are on a node's class path when Autopilot runs: libs/ and its
     * non-optional subdirectories, and the Calcite module, which Autopilot's installation moves out of libs/optional.
     */
    private static final Pattern ON_NODE_CLASS_PATH =
        Pattern.compile("libs|libs/(?!optional/)[^/]+|libs/optional/ignite-calcite");

    /** A jar file name: the library's name, then a dash and the version, which starts with a digit. */
    private static final Pattern JAR_NAME = Pattern.compile("(.+?)-(\\d[^/]*)\\.jar");

    /** Entry names of the zip. */
    private static List<String> entries;

    /** File names of the jars in {@link #LIBS}. */
    private static Set<String> jars;

    /** The distribution's jars: file name to the directories that hold it. */
    private static Map<String, Set<String>> distJars;

    /** File names of the product modules' runtime jars (before the distribution's were dropped). */
    private static Set<String> runtimeJars;

    /** Autopilot's version. */
    private static String version;

    /** Reads the zip, the distribution list and the runtime class path. */
    @BeforeAll
    static void read() throws IOException {
        version = property("autopilot.version");

        Path zip = Paths.get(property("autopilot.zip"));
        assertTrue(Files.isRegularFile(zip), "the binary package was not built: " + zip);

        try (ZipFile zf = new ZipFile(zip.toFile())) {
            entries = zf.stream().map(ZipEntry::getName).collect(Collectors.toList());
        }

        jars = entries.stream().filter(e -> e.endsWith(".jar"))
            .map(e -> e.substring(e.lastIndexOf('/') + 1)).collect(Collectors.toCollection(TreeSet::new));

        distJars = readDistList(Paths.get(property("dist.jars.list")));

        try (Stream<Path> files = Files.list(Paths.get(property("runtime.libs.dir")))) {
            runtimeJars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
                .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** One directory, autopilot/, holding libs/autopilot/*.jar, config/autopilot-server.xml and README.md. */
    @Test
    void layout() {
        for (String e : entries)
            assertTrue(e.startsWith("autopilot/"), "outside autopilot/: " + e);

        assertTrue(entries.contains("autopilot/config/autopilot-server.xml"), "no config/autopilot-server.xml");
        assertTrue(entries.contains("autopilot/README.md"), "no README.md");

        for (String e : entries) {
            if (e.endsWith(".jar")) {
                assertTrue(e.startsWith(LIBS) && e.indexOf('/', LIBS.length()) < 0,
                    "a jar outside " + LIBS + ": " + e);
            }
            if (e.startsWith("autopilot/config/") && !e.endsWith("/"))
                assertTrue(e.endsWith(".xml"), "not an XML file in config/: " + e);
        }
    }

    /** LICENSE and NOTICE travel with the package when the repository has them. */
    @Test
    void licenseAndNoticeWhenPresent() {
        Path root = Paths.get(property("autopilot.root"));

        for (String f : List.of("LICENSE", "NOTICE")) {
            if (Files.isRegularFile(root.resolve(f)))
                assertTrue(entries.contains("autopilot/" + f), "the repository has " + f + ", the package does not");
        }
    }

    /** All five product jars, and no other jar of Autopilot's (the examples above all). */
    @Test
    void productJarsAndNoExamples() {
        for (String m : PRODUCT_MODULES)
            assertTrue(jars.contains(m + '-' + version + ".jar"), "missing product jar " + m);

        Set<String> ours = jars.stream().filter(j -> j.startsWith("autopilot-")).collect(Collectors.toSet());

        assertEquals(PRODUCT_MODULES.stream().map(m -> m + '-' + version + ".jar").collect(Collectors.toSet()), ours,
            "Autopilot jars other than the product modules'");
        assertTrue(jars.stream().noneMatch(j -> j.contains("examples")), "examples in the package: " + jars);
    }

    /** No jar of the distribution's, by file name. */
    @Test
    void noJarTheDistributionHas() {
        List<String> dup = jars.stream().filter(distJars::containsKey)
            .map(j -> j + " (Ignite has it in " + distJars.get(j) + ')').collect(Collectors.toList());

        assertTrue(dup.isEmpty(), "jars the Ignite 2.17.0 distribution already has: " + dup);
    }

    /** No library the distribution has in another version: two versions on one class path. */
    @Test
    void noOtherVersionOfADistributionLibrary() {
        Map<String, String> distByLibrary = new TreeMap<>();

        for (String j : distJars.keySet())
            distByLibrary.put(library(j), j);

        List<String> clash = new ArrayList<>();

        for (String j : jars) {
            String same = distByLibrary.get(library(j));

            if (same != null && !same.equals(j))
                clash.add(j + " vs Ignite's " + same + " in " + distJars.get(same));
        }

        assertTrue(clash.isEmpty(), "libraries the distribution has in another version: " + clash);
    }

    /**
     * The package is exactly the runtime class path minus the distribution's jars, and every jar it leaves out is one
     * a node running Autopilot has (not only in an optional module nobody enables).
     */
    @Test
    void runtimeClassPathIsComplete() {
        assertTrue(runtimeJars.size() > PRODUCT_MODULES.size(), "runtime class path not read: " + runtimeJars);

        Set<String> expected = runtimeJars.stream().filter(j -> !distJars.containsKey(j))
            .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(expected, jars, "package jars != runtime class path minus the distribution's jars");

        for (String j : runtimeJars) {
            Set<String> dirs = distJars.get(j);

            if (dirs != null) {
                assertTrue(dirs.stream().anyMatch(d -> ON_NODE_CLASS_PATH.matcher(d).matches()),
                    j + " is left out, but Ignite has it only in " + dirs + ", which a node does not load");
            }
        }

        assertFalse(jars.isEmpty());
    }

    /**
     * @param list The distribution list: "## directory" lines, then file names; "#" lines are comments.
     * @return File name to the directories that hold it.
     */
    private static Map<String, Set<String>> readDistList(Path list) throws IOException {
        Map<String, Set<String>> res = new LinkedHashMap<>();
        String dir = null;

        for (String line : Files.readAllLines(list)) {
            line = line.trim();

            if (line.startsWith("## "))
                dir = line.substring(3).trim();
            else if (!line.isEmpty() && !line.startsWith("#")) {
                assertTrue(dir != null && line.endsWith(".jar") && line.indexOf('/') < 0,
                    "not a jar file name under a directory line: " + line);

                res.computeIfAbsent(line, k -> new TreeSet<>()).add(dir);
            }
        }

        assertTrue(res.containsKey("ignite-core-2.17.0.jar"), "distribution list without ignite-core: " + list);

        return Collections.unmodifiableMap(res);
    }

    /** @return The library a jar file name is a version of ("jackson-core-2.14.0.jar": "jackson-core"). */
    private static String library(String jar) {
        Matcher m = JAR_NAME.matcher(jar);

        return m.matches() ? m.group(1) : jar;
    }

    /** @return A system property the build sets. */
    private static String property(String name) {
        String v = System.getProperty(name);

        assertTrue(v != null && !v.isEmpty(), "system property not set (run through Maven): " + name);

        return v;
    }
}

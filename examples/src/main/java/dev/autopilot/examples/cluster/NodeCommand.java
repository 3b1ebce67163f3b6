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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command line that starts an Ignite server node from a Spring XML file as {@code ignite.sh} does: Java 17 with
 * Ignite's {@code --add-opens} list, {@code IGNITE_HOME}, the home's class path and {@code CommandLineStartup}; plus
 * a small heap (several nodes share a small machine) and the {@code -D} properties the XML reads.
 */
final class NodeCommand {
    /**
     * Ignite's list for Java 15 and later ({@code bin/include/jvmdefaults.sh}); without it a node fails in
     * {@code IgniteUtils} at start. The same as the build's {@code ignite.jvm.opens}.
     */
    private static final List<String> OPENS = List.of("java.base/jdk.internal.access", "java.base/jdk.internal.misc",
        "java.base/sun.nio.ch", "java.base/sun.util.calendar", "java.base/sun.reflect.generics.reflectiveObjects",
        "java.base/java.io", "java.base/java.nio", "java.base/java.net", "java.base/java.util",
        "java.base/java.util.concurrent", "java.base/java.util.concurrent.locks", "java.base/java.util.concurrent.atomic",
        "java.base/java.lang", "java.base/java.lang.invoke", "java.base/java.math", "java.base/java.lang.reflect",
        "java.base/java.time", "java.base/java.text", "java.management/com.sun.jmx.mbeanserver",
        "java.management/sun.management", "jdk.internal.jvmstat/sun.jvmstat.monitor",
        "jdk.management/com.sun.management.internal", "java.sql/java.sql", "java.desktop/java.awt.font");

    private static final String MAIN = "org.apache.ignite.startup.cmdline.CommandLineStartup";

    private NodeCommand() {
    }

    /**
     * @param home the installation
     * @param config the node's Spring XML
     * @param heap maximum heap, as {@code -Xmx} takes it
     * @param properties system properties, for the XML's {@code ${...}} values
     * @return the command
     */
    static List<String> of(IgniteHome home, Path config, String heap, Map<String, String> properties) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xms128m");
        cmd.add("-Xmx" + heap);
        OPENS.forEach(o -> cmd.add("--add-opens=" + o + "=ALL-UNNAMED"));
        cmd.add("-Djava.net.preferIPv4Stack=true");
        cmd.add("-DIGNITE_HOME=" + home.dir());
        cmd.add("-DIGNITE_QUIET=false");
        cmd.add("-DIGNITE_UPDATE_NOTIFIER=false");
        properties.forEach((k, v) -> cmd.add("-D" + k + '=' + v));
        cmd.add("-cp");
        cmd.add(home.classPath());
        cmd.add(MAIN);
        cmd.add(config.toString());
        return cmd;
    }
}

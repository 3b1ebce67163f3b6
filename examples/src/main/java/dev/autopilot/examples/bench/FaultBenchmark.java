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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.cluster.IgniteHome;
import dev.autopilot.examples.cluster.ProcessCluster;
import dev.autopilot.examples.faults.FaultResult;
import dev.autopilot.examples.faults.FaultSession;

/**
 * Issue 23's fault benchmark: server nodes as separate JVMs from the binary package's Spring XML, one killed with
 * SIGKILL at every step of an adaptation in turn while SQL and key-value writers run and every acknowledged write is
 * checked continuously; writes {@code target/bench/faults.json}
 * ({@code {"kills": N, "lost_rows": 0, "wrong_values": 0, "wrong_results": 0, "stuck_adaptations": 0}}, and
 * {@code "aborted"} with the reason when the run ended early, beside what it counted until then).
 *
 * <p>Needs the package built ({@code assembly/target/autopilot-VERSION-bin.zip}); Ignite's distribution is laid out
 * from the jars on this class path. Run from the repository root: {@code mvn -B -ntp -q install -DskipTests && mvn -B
 * -ntp -q -pl examples exec:java -Dexec.mainClass=dev.autopilot.examples.bench.FaultBenchmark -Dexec.args="kills=30"}
 * (also {@code rows}, {@code nodes}, {@code settleSeconds}, and {@code budgetMinutes}, after which no adaptation starts).
 */
public final class FaultBenchmark {
    private FaultBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("kills", "30", "rows", "5000", "nodes", "3",
            "settleSeconds", "300", "budgetMinutes", "600"));
        Path run = Files.createDirectories(BenchReport.directory().resolve("faults-" + System.currentTimeMillis()));
        IgniteHome home = IgniteHome.install(run.resolve("ignite-home"),
            Path.of("assembly", "ignite-2.17.0-dist-jars.txt"),
            Arrays.stream(ForkedRuns.classPath().split(File.pathSeparator)).map(Path::of).toList(), packageZip());
        FaultResult r;
        try (ProcessCluster cluster = FaultSession.startCluster(home, run.resolve("logs"),
            Integer.parseInt(a.get("nodes")))) {
            r = FaultSession.run(cluster, Integer.parseInt(a.get("rows")), Integer.parseInt(a.get("kills")),
                Duration.ofSeconds(Integer.parseInt(a.get("settleSeconds"))),
                Duration.ofMinutes(Integer.parseInt(a.get("budgetMinutes"))));
        }
        catch (Exception e) {
            // The cluster did not start, or the table could not be loaded: nothing was counted, but say why.
            e.printStackTrace(System.out);
            r = FaultResult.abortedBeforeStart(e);
        }
        Path file = BenchReport.write("faults", r.figures());
        System.out.println(Files.readString(file).trim() + "\n(node logs: " + run + ')');
    }

    /** @return the binary package the build made */
    private static Path packageZip() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("assembly", "target"))) {
            return files.filter(p -> p.getFileName().toString().matches("autopilot-.*-bin\\.zip")).findFirst()
                .orElseThrow(() -> new IllegalStateException("No assembly/target/autopilot-*-bin.zip: build it with mvn "
                    + "package first"));
        }
    }
}

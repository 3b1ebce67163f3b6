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

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import dev.autopilot.examples.Args;
import dev.autopilot.examples.BenchReport;
import dev.autopilot.examples.differential.DifferentialClusters;
import dev.autopilot.examples.differential.DifferentialRun;

/**
 * Issue 23's differential at length: {@code statements} generated statements (100,000 by default) on plain Ignite
 * and on Ignite with Autopilot while its layouts drift, compared statement by statement; prints the seed and the
 * figures and writes {@code target/bench/differential.json} = {@code {"statements", "mismatches", "seed"}}. Arguments:
 * {@code statements=N seed=S nodes=N tableDdl=true|false driftMillis=N}.
 */
public final class DifferentialBenchmark {
    private DifferentialBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args, Map.of("statements", "100000",
            "seed", String.valueOf(new Random().nextLong()), "nodes", "2", "tableDdl", "false", "driftMillis", "1500"));
        long seed = Long.parseLong(a.get("seed"));
        System.out.println("differential seed: " + seed);
        DifferentialRun.Summary s;
        try (DifferentialClusters clusters = DifferentialClusters.start(Path.of("config", "autopilot-server.xml"),
            Integer.parseInt(a.get("nodes")))) {
            s = DifferentialRun.run(clusters, seed, Integer.parseInt(a.get("statements")),
                Boolean.parseBoolean(a.get("tableDdl")), Long.parseLong(a.get("driftMillis")), System.out);
        }
        System.out.println("differential: " + s);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("statements", s.statements());
        figures.put("mismatches", s.mismatches());
        figures.put("seed", s.seed());
        System.out.println("wrote " + BenchReport.write("differential", figures));
        System.exit(0);
    }
}

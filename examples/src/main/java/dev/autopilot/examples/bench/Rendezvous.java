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

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where configurations forked at the same time agree on when their workload starts: each writes the wall-clock time
 * it is ready at into a file of its own in a shared folder, waits until all have, and starts at the latest of those
 * times plus a margin, the same instant in every one of them; from then on they take turns reading ({@link ReadTurns},
 * in the order of {@code labels}).
 *
 * @param folder the shared folder
 * @param label this configuration's label
 * @param labels every configuration's label
 */
record Rendezvous(Path folder, String label, List<String> labels) {
    private static final long MARGIN_MILLIS = 2_000;
    private static final long PATIENCE_MILLIS = TimeUnit.MINUTES.toMillis(15);
    private static final String HOLD = "hold";
    private static final String PREPARING = "preparing.lock";

    /**
     * Waits until no other configuration is preparing (starting its cluster, loading, creating its structures) and
     * takes the turn to: three loads at once on two cores took 290 s, one after another 60-80 s each, and the nodes'
     * system threads were starved meanwhile.
     *
     * @return the turn, given back when closed (closing the channel releases its lock; closing it again does nothing)
     */
    Preparing prepareAlone() throws IOException {
        FileChannel channel = FileChannel.open(folder.resolve(PREPARING), StandardOpenOption.CREATE,
            StandardOpenOption.WRITE);
        try {
            channel.lock();
            return channel::close;
        }
        catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** A configuration's turn to prepare; see {@link #prepareAlone()}. */
    interface Preparing extends Closeable {
        /** A configuration that runs alone: nobody to wait for. */
        Preparing NONE = () -> {
        };
    }

    /**
     * Says this configuration is ready and waits for the others.
     *
     * @param sliceMillis length of a reading turn
     * @param holder whether this configuration may hold the turns of all while it adapts
     * @return this configuration's turns, counted from the wall-clock time the workload starts at
     */
    ReadTurns meet(long sliceMillis, boolean holder) throws IOException, InterruptedException {
        Path mine = folder.resolve(label);
        Path written = Files.writeString(folder.resolve(label + ".tmp"), Long.toString(System.currentTimeMillis()));
        Files.move(written, mine);
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!labels.stream().allMatch(l -> Files.exists(folder.resolve(l)))) {
            if (System.currentTimeMillis() > deadline)
                throw new IllegalStateException("Configurations " + labels + " not all ready after 15 minutes");
            TimeUnit.MILLISECONDS.sleep(100);
        }
        long latest = 0;
        for (String l : labels)
            latest = Math.max(latest, Long.parseLong(Files.readString(folder.resolve(l), StandardCharsets.UTF_8)));
        return new ReadTurns(labels.indexOf(label), labels.size(), sliceMillis, latest + MARGIN_MILLIS,
            folder.resolve(HOLD), holder);
    }
}

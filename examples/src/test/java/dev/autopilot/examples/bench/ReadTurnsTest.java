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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import dev.autopilot.testkit.Await;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Configurations that run at the same time meet on one start and read in slices of their own, but while the one that
 * adapts holds the turns.
 */
class ReadTurnsTest {
    /** Longer than the others take to look for the hold file again (so that a wrong change would show). */
    private static final long HOLD_SEEN_MILLIS = 100;

    @Test
    void twoConfigurationsMeetOnOneStartAndGetTurnsInTheirOrder() throws Exception {
        Path folder = Files.createTempDirectory("rendezvous");
        List<String> labels = List.of("hand-tuned", "autopilot");
        CompletableFuture<ReadTurns> late = CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(300);
                return new Rendezvous(folder, "autopilot", labels).meet(50, true);
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ReadTurns hand = new Rendezvous(folder, "hand-tuned", labels).meet(50, false);
        ReadTurns auto = late.get();

        assertEquals(hand.epochMillis(), auto.epochMillis());
        assertEquals(0, hand.turn());
        assertEquals(1, auto.turn());
        assertTrue(hand.epochMillis() - System.currentTimeMillis() > 1_000, "the start lies ahead of both");

        long slice = hand.epochMillis();
        assertTrue(hand.mayRead(slice) && !auto.mayRead(slice));
        assertTrue(!hand.mayRead(slice + 50) && auto.mayRead(slice + 50));
        auto.hold(true);
        Await.until("the adapting configuration reads alone", () -> !hand.mayRead(slice) && auto.mayRead(slice));
        hand.hold(false);
        Thread.sleep(HOLD_SEEN_MILLIS);
        assertTrue(!hand.mayRead(slice) && auto.mayRead(slice), "only the holder gives the turns back");
        auto.hold(false);
        Await.until("the turns given back", () -> hand.mayRead(slice) && !auto.mayRead(slice));
    }

    @Test
    void awaitReturnsInASliceOfItsOwn() throws Exception {
        ReadTurns turns = new ReadTurns(1, 3, 200, System.currentTimeMillis(), null, false);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, turns.await(0));
            long slice = (System.currentTimeMillis() - turns.epochMillis()) / 200;
            assertEquals(1, slice % 3, "slice " + slice);
            Thread.sleep(150);
        }
    }

    @Test
    void aQueryThatWouldRunIntoTheNextTurnWaitsForTheNextOwnSlice() throws Exception {
        long epoch = System.currentTimeMillis() + 100;
        ReadTurns turns = new ReadTurns(0, 2, 1_000, epoch, null, false);
        Thread.sleep(epoch + 700 - System.currentTimeMillis());

        long unused = turns.await(500);

        long at = System.currentTimeMillis() - epoch;
        assertEquals(2, at / 1_000, "starts at the next slice of its own, at " + at + " ms");
        assertTrue(unused > 0 && unused <= 300, "left the last " + unused + " ms of its slice unused");
        assertEquals(0, turns.await(500), "fits at the start of a slice");
        turns.await(5_000);
        assertEquals(4, (System.currentTimeMillis() - epoch) / 1_000, "longer than any slice: starts at the next one");
        Thread.sleep(epoch + 5_300 - System.currentTimeMillis());
        assertEquals(0, turns.await(5_000), "from another's turn, no slice of its own is left unused");
        assertEquals(6, (System.currentTimeMillis() - epoch) / 1_000, "and it starts at the start of its next one");
    }

    @Test
    void theSecondsLeftUnusedAreNotCountedAsReadIn() {
        ReadSeconds seconds = new ReadSeconds(4, 2);
        for (int s = 0; s < 4; s++)
            seconds.sample(s, true);
        seconds.leftUnused(0.5, 1.0);
        seconds.leftUnused(1.5, 1.0);

        assertEquals(4 - 1.0, seconds.seconds(0, 4), 1e-9, "two readers, a second unused each: one second of reading");
        assertEquals(0.75, seconds.seconds(0, 1), 1e-9);
    }

    @Test
    void aTurnOutsideTheTurnsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ReadTurns(2, 2, 500, 0, null, false));
    }
}

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

package dev.autopilot.adaptation.manage;

/**
 * How far the fill of an adaptation got, and how fast: what {@code AUTOPILOT.ADAPTATIONS} and the log show while it
 * runs.
 *
 * @param rowsFilled rows filled so far (a second fill after stale rows counts again)
 * @param nextPartition the first partition the fill has not finished
 * @param rowsTotal rows in the table when the fill started
 * @param startedAt when the fill started, epoch millis (0 before)
 * @param niceRatio the fill's pause after each batch, as a share of the batch's time, when it last reported
 */
public record FillState(long rowsFilled, int nextPartition, long rowsTotal, long startedAt, double niceRatio) {
    /** Before any fill. */
    public static final FillState NONE = new FillState(0, 0, 0, 0, 0);

    /** @return a fill of {@code rowsTotal} rows starting at {@code now}, with the rows filled before kept */
    public FillState starting(long rowsTotal, long now) {
        return new FillState(rowsFilled, 0, rowsTotal, now, 0);
    }

    /** @return this fill after a partition */
    public FillState at(int next, long rows, double nice) {
        return new FillState(rows, next, rowsTotal, startedAt, nice);
    }

    /** @return the share of the table filled, 0..100 */
    public double percent() {
        return rowsTotal == 0 ? (rowsFilled > 0 ? 100 : 0) : Math.min(100, 100.0 * rowsFilled / rowsTotal);
    }

    /** @return rows filled per second from the fill's start to {@code at} */
    public double rowsPerSecond(long at) {
        return at <= startedAt ? 0 : rowsFilled * 1000.0 / (at - startedAt);
    }

    /** @return seconds until the fill ends at its pace so far, {@code NaN} when it has no pace yet */
    public double etaSeconds(long at) {
        double rate = rowsPerSecond(at);
        return rate == 0 ? Double.NaN : Math.max(0, rowsTotal - rowsFilled) / rate;
    }
}

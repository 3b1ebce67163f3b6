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

package dev.autopilot.sql.rewrite;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import dev.autopilot.sql.StatementHook;
import dev.autopilot.sql.capture.QueryCapture;
import dev.autopilot.sql.layout.LayoutSnapshot;
import dev.autopilot.sql.rewrite.QueryRewriter;
import dev.autopilot.sql.rewrite.TableCatalog;
import dev.autopilot.sql.rewrite.Rewrite;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.ddl.SqlCreateView;

/**
 * What Ignite's parser calls on this node for every statement it parses: the query log's capture first, then the
 * rewriter over the current partition layouts. A statement whose text carries {@link QueryRewriter#NO_REWRITE} is planned as
 * written, so that a user (or Autopilot itself, checking derived values) can always see what the original does.
 */
public final class RewritingHook implements StatementHook {
    /** A rewrite this node made, for {@code AUTOPILOT.QUERY_REWRITES}. */
    public record Made(String originalSql, Rewrite rewrite, long layoutVersion, long at) {
    }

    private final QueryCapture capture;
    private final QueryRewriter rewriter = QueryRewriter.create();
    private final Supplier<LayoutSnapshot> layouts;
    private final TableCatalog catalog;
    private final BlockingQueue<Made> recent = new ArrayBlockingQueue<>(1024);
    private final LongAdder rewritten = new LongAdder();
    private volatile boolean enabled = true;

    /**
     * @param capture the query log's capture
     * @param layouts the layouts this node follows
     * @param catalog the tables a {@code CREATE VIEW} is written out against, whether or not they have layouts
     */
    public RewritingHook(QueryCapture capture, Supplier<LayoutSnapshot> layouts, TableCatalog catalog) {
        this.capture = capture;
        this.layouts = layouts;
        this.catalog = catalog;
    }

    @Override public SqlNode onParsed(String originalSql, SqlNode stmt) {
        SqlNode captured = capture.onParsed(originalSql, stmt);
        LayoutSnapshot snapshot = layouts.get();
        boolean view = captured instanceof SqlCreateView;
        if (!enabled || snapshot.isEmpty() && !view
            || originalSql != null && originalSql.contains(QueryRewriter.NO_REWRITE))
            return captured;
        String printed = captured.toString();
        Rewrite r = rewriter.rewrite(captured, snapshot, catalog);
        if (!r.changed())
            return captured;
        capture.onRewritten(printed, r.statement());
        if (!r.usedColumns().isEmpty())
            rewritten.increment();
        recent.offer(new Made(originalSql, r, snapshot.version(), System.currentTimeMillis()));
        return r.statement();
    }

    /** @param enabled whether statements are rewritten from now on (plans cached before stay until cleared) */
    public void enabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @return statements this node rewrote to read a derived column; a statement that was only wrapped (see
     *     {@code TableWrapRule}) does not count
     */
    public long rewritten() {
        return rewritten.sum();
    }

    /** @return the next rewrite not yet published, or {@code null} */
    public Made poll() {
        return recent.poll();
    }
}

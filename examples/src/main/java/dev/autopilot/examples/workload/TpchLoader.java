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

package dev.autopilot.examples.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills ORDERS and LINEITEM with TPC-H data generated in-process, through JDBC thin batches only.
 *
 * <p>The data is deterministic for a scale factor, so every run (and every test) sees the same rows. Loading is
 * split into as many generator parts as there are threads; each thread has its own connection. The tables must
 * exist ({@link TpchSchema#create}) and be empty: rows are INSERTed, so a second load fails on duplicate keys.
 *
 * <p>Why the statements look as they do: {@code SET STREAMING ON} fails under the Calcite engine and then hangs
 * on close, so rows go in JDBC batches; but Calcite runs a batch as one DML query per entry, so each entry is a
 * multi-row {@code INSERT ... VALUES (...), (...)}. Calcite plans such a VALUES list of parameters as a UNION of
 * one-row projections, whose planning time roughly doubles with every two rows (16 rows: seconds, 20 rows: about
 * a minute), hence at most {@value #MAX_ROWS_PER_STATEMENT} rows per statement.
 */
public final class TpchLoader {
    /** Rows per INSERT above which Calcite's planning time explodes. */
    public static final int MAX_ROWS_PER_STATEMENT = 10;

    private final String jdbcUrl;

    private final double scaleFactor;

    private final int threads;

    private final int batchSize;

    private final int rowsPerStatement;

    private TpchLoader(Builder builder) {
        this.jdbcUrl = builder.jdbcUrl;
        this.scaleFactor = builder.scaleFactor;
        this.threads = builder.threads;
        this.batchSize = builder.batchSize;
        this.rowsPerStatement = builder.rowsPerStatement;
    }

    /** A loader for the cluster at {@code jdbcUrl} (e.g. {@code jdbc:ignite:thin://127.0.0.1:10800}). */
    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** Generates and inserts all rows of both tables; returns the acknowledged counts. */
    public LoadResult load() throws SQLException, InterruptedException {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named("tpch-loader"));

        try {
            List<Future<long[]>> parts = new ArrayList<>(threads);

            for (int part = 1; part <= threads; part++) {
                int p = part;

                parts.add(pool.submit(() -> loadPart(p)));
            }

            long orders = 0;
            long lineItems = 0;

            for (Future<long[]> part : parts) {
                long[] counts = await(part);

                orders += counts[0];
                lineItems += counts[1];
            }

            return new LoadResult(orders, lineItems, Duration.ofNanos(System.nanoTime() - start));
        }
        finally {
            pool.shutdownNow();
        }
    }

    private long[] loadPart(int part) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            long orders = insert(connection, TpchSchema.ORDERS, TpchSchema.ORDERS_COLUMNS,
                TpchGenerators.orders(scaleFactor, part, threads), TpchRows::bind);
            long lineItems = insert(connection, TpchSchema.LINEITEM, TpchSchema.LINEITEM_COLUMNS,
                TpchGenerators.lineItems(scaleFactor, part, threads), TpchRows::bind);

            return new long[] {orders, lineItems};
        }
    }

    private <T> long insert(Connection connection, String table, List<String> columns, Iterable<T> rows,
        RowBinder<T> binder) throws SQLException {
        List<T> pending = new ArrayList<>(rowsPerStatement);
        long inserted = 0;

        try (PreparedStatement full = connection.prepareStatement(insertSql(table, columns, rowsPerStatement))) {
            int statements = 0;

            for (T row : rows) {
                pending.add(row);

                if (pending.size() < rowsPerStatement)
                    continue;

                bindRows(full, columns.size(), pending, binder);
                full.addBatch();
                pending.clear();

                if (++statements * rowsPerStatement >= batchSize) {
                    inserted += sum(full.executeBatch());
                    statements = 0;
                }
            }

            if (statements > 0)
                inserted += sum(full.executeBatch());
        }

        if (!pending.isEmpty()) {
            try (PreparedStatement tail = connection.prepareStatement(insertSql(table, columns, pending.size()))) {
                bindRows(tail, columns.size(), pending, binder);
                inserted += tail.executeUpdate();
            }
        }

        return inserted;
    }

    private static <T> void bindRows(PreparedStatement statement, int columns, List<T> rows, RowBinder<T> binder)
        throws SQLException {
        for (int i = 0; i < rows.size(); i++)
            binder.bind(statement, i * columns, rows.get(i));
    }

    /** {@code INSERT INTO table (columns) VALUES (?, ...), ...} with {@code rows} rows of parameters. */
    static String insertSql(String table, List<String> columns, int rows) {
        String row = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";

        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
            + String.join(", ", Collections.nCopies(rows, row));
    }

    private static long sum(int[] updateCounts) {
        long total = 0;

        for (int count : updateCounts)
            total += count;

        return total;
    }

    private static long[] await(Future<long[]> part) throws SQLException, InterruptedException {
        try {
            return part.get();
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sqlException)
                throw sqlException;

            throw new IllegalStateException("TPC-H load failed", e.getCause());
        }
    }

    /** Sets the parameters of one INSERT from one generated row. */
    @FunctionalInterface
    private interface RowBinder<T> {
        void bind(PreparedStatement statement, int offset, T row) throws SQLException;
    }

    /** Settings of a {@link TpchLoader}; each setter checks its value. */
    public static final class Builder {
        private final String jdbcUrl;

        private double scaleFactor = 0.01;

        private int threads = 4;

        private int batchSize = 1000;

        private int rowsPerStatement = 5;

        private Builder(String jdbcUrl) {
            if (jdbcUrl == null || jdbcUrl.isBlank())
                throw new IllegalArgumentException("jdbcUrl must be set: " + jdbcUrl);

            this.jdbcUrl = jdbcUrl;
        }

        /** TPC-H scale factor (1 = 6 million lineitems); default 0.01 (about 60,000 lineitems). */
        public Builder scaleFactor(double scaleFactor) {
            this.scaleFactor = TpchDomain.forScale(scaleFactor).scaleFactor();

            return this;
        }

        /** Loader threads, each with its own connection and generator part; default 4. */
        public Builder threads(int threads) {
            if (threads < 1)
                throw new IllegalArgumentException("threads must be at least 1: " + threads);

            this.threads = threads;

            return this;
        }

        /** Rows per JDBC batch (a multiple of rows per statement is sent at once); default 1000. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1)
                throw new IllegalArgumentException("batchSize must be at least 1: " + batchSize);

            this.batchSize = batchSize;

            return this;
        }

        /** Rows per INSERT statement (a multi-row VALUES list), 1 to {@value TpchLoader#MAX_ROWS_PER_STATEMENT}; default 5. */
        public Builder rowsPerStatement(int rowsPerStatement) {
            if (rowsPerStatement < 1 || rowsPerStatement > MAX_ROWS_PER_STATEMENT) {
                throw new IllegalArgumentException("rowsPerStatement must be between 1 and " + MAX_ROWS_PER_STATEMENT
                    + ": " + rowsPerStatement);
            }

            this.rowsPerStatement = rowsPerStatement;

            return this;
        }

        public TpchLoader build() {
            return new TpchLoader(this);
        }
    }
}

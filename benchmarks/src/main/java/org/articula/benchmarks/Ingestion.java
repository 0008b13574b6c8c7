package org.articula.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.localstack.LocalStack;

/**
 * Lots per second stored by lots-service's batch API, several batches in flight at once; and the
 * physical baseline: the very rows the service stored, inserted again by a plain JDBC batch insert
 * (same batch size, same number of connections, one transaction per batch) into an equivalent table
 * in the same database (same columns, constraints and indexes; no foreign keys).
 */
final class Ingestion {

    record Result(int lots, double seconds, Percentiles batchMillis) {

        double perSecond() {
            return lots / seconds;
        }
    }

    private Ingestion() {
    }

    static Result viaBatchApi(Api api, String lotsService, List<Map<String, Object>> lots, int batchSize,
            int connections, Progress progress) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < lots.size(); i += batchSize) {
            String body = Api.write(Map.of("lots", lots.subList(i, Math.min(lots.size(), i + batchSize))));
            requests.add(api.postJson(lotsService + "/api/v1/lots/batch", body));
        }
        AtomicInteger done = new AtomicInteger();
        long[] batchNanos = new long[requests.size()];
        return inParallel(lots.size(), requests.size(), connections, b -> {
            long t = System.nanoTime();
            Api.Response response = Api.expect(api.send(requests.get(b)), "POST /api/v1/lots/batch", 200);
            batchNanos[b] = System.nanoTime() - t;
            Map<String, Integer> counts = counts(response.body());
            if (!counts.keySet().containsAll(List.of("total", "created", "refused"))) {
                throw new IOException("batch " + b + ": the answer does not start with its counts: " + counts);
            }
            if (counts.get("refused") != 0 || !counts.get("created").equals(counts.get("total"))) {
                throw new IOException("batch " + b + " did not create every lot: " + counts);
            }
            int n = done.incrementAndGet();
            progress.update((double) n / requests.size(), n + "/" + requests.size() + " batches");
        }, batchNanos);
    }

    /**
     * The counts that open a batch answer (total, created, unchanged, refused), read without the receipts
     * after them: a tree of 2,000 receipts a batch was most of this process's CPU, taken from the two
     * cores the measured system runs on.
     */
    static Map<String, Integer> counts(String answer) throws IOException {
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (JsonParser parser = Api.JSON.getFactory().createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return counts;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_NUMBER_INT) {
                    break; // the receipts
                }
                counts.put(name, parser.getIntValue());
            }
        }
        return counts;
    }

    /** Copies the organisation's stored lots into {@code bench_lot}, timing only the inserts. */
    static Result plainJdbc(LocalStack.Database db, UUID organisation, int batchSize, int connections,
            Progress progress) throws Exception {
        StoredLots stored = createBenchTableAndReadLots(db, organisation);
        List<Object[]> rows = stored.rows();
        String insert = stored.insertIntoBenchLot();
        int batches = (rows.size() + batchSize - 1) / batchSize;
        List<Connection> pool = openConnections(db, connections);
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<Connection> mine = new ThreadLocal<>();
        AtomicInteger next = new AtomicInteger();
        try {
            return inParallel(rows.size(), batches, connections, b -> {
                Connection c = mine.get();
                if (c == null) {
                    c = pool.get(next.getAndIncrement());
                    mine.set(c);
                }
                insertBatch(c, insert, rows.subList(b * batchSize, Math.min(rows.size(), (b + 1) * batchSize)));
                c.commit();
                int n = done.incrementAndGet();
                progress.update((double) n / batches, n + "/" + batches + " batches");
            }, new long[batches]);
        } finally {
            for (Connection c : pool) {
                c.close();
            }
            try (Connection c = Population.connect(db); Statement s = c.createStatement()) {
                s.execute("drop table bench_lot");
            }
        }
    }

    /** The organisation's rows of {@code lot}, column by column, to be inserted again as they are. */
    private record StoredLots(List<String> columns, List<Object[]> rows) {

        String insertIntoBenchLot() {
            return "insert into bench_lot (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    /** (Re)creates {@code bench_lot} like {@code lot} and reads the organisation's stored lots. */
    private static StoredLots createBenchTableAndReadLots(LocalStack.Database db, UUID organisation)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (Connection c = Population.connect(db); Statement s = c.createStatement()) {
            s.execute("drop table if exists bench_lot");
            s.execute("create table bench_lot (like lot including all)");
            try (PreparedStatement q = c.prepareStatement("select * from lot where organisation_id = ?")) {
                q.setObject(1, organisation);
                try (ResultSet rs = q.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    for (int i = 1; i <= n; i++) {
                        columns.add(rs.getMetaData().getColumnName(i));
                    }
                    while (rs.next()) {
                        Object[] row = new Object[n];
                        for (int i = 0; i < n; i++) {
                            row[i] = rs.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                }
            }
        }
        return new StoredLots(columns, rows);
    }

    /** One connection per concurrent batch, rewriting batched inserts into multi-row ones as the driver can. */
    private static List<Connection> openConnections(LocalStack.Database db, int connections) throws SQLException {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        List<Connection> pool = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Connection c = DriverManager.getConnection(url, db.user(), db.password());
            c.setAutoCommit(false);
            pool.add(c);
        }
        return pool;
    }

    private static void insertBatch(Connection c, String insert, List<Object[]> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(insert)) {
            for (Object[] row : batch) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @FunctionalInterface
    interface Batch {
        void run(int index) throws Exception;
    }

    /** Runs {@code batches} on {@code threads} threads, each taking the next batch when done with one. */
    private static Result inParallel(int items, int batches, int threads, Batch batch, long[] batchNanos)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                        long started = System.nanoTime();
                        batch.run(b);
                        if (batchNanos[b] == 0) {
                            batchNanos[b] = System.nanoTime() - started;
                        }
                    }
                    return null;
                });
            }
            long t0 = System.nanoTime();
            List<Future<Void>> futures = pool.invokeAll(workers);
            double seconds = (System.nanoTime() - t0) / 1e9;
            for (Future<Void> f : futures) {
                f.get(); // a failed batch fails the measurement
            }
            return new Result(items, seconds, new Percentiles(batchNanos));
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.articula.benchmarks;

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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.localstack.LocalStack;

/**
 * The second ingestion baseline: every row the system stores for a lot, in both databases, inserted
 * again by plain JDBC batches into equivalent tables ({@code like ... including all}: same columns,
 * defaults, constraints and indexes; no foreign keys or triggers). Which tables take rows per lot is
 * not assumed: PostgreSQL's insert counters before and after the measured ingestion say it, so the
 * baseline follows whatever the current design writes.
 */
final class EveryRowBaseline {

    /** How many rows each table of "lots" and "payments" took per lot while the measured lots were stored. */
    record Writes(Map<String, Double> rowsPerLot) {
    }

    /** The first baseline (issue 8's): the lot rows alone, one per lot. */
    static final Writes LOT_ROWS_ONLY = new Writes(Map.of("lots.lot", 1.0));

    /**
     * Where to read a table's rows of the measured organisation (the statement's one parameter); the
     * outbox's are rebuilt, since the relay deletes what it sent.
     */
    private static final Map<String, String> SOURCES = Map.of(
            "lots.lot", "select * from lot where organisation_id = ?",
            "lots.lot_revision", "select r.* from lot_revision r join lot l on l.id = r.lot_id "
                    + "where l.organisation_id = ?",
            "lots.audit_entry", "select * from audit_entry where organisation_id = ?",
            // The relay deletes what it sent: an event like the one recorded, from the lot's row.
            "lots.outbox_event", "select gen_random_uuid() as event_id, 'bench' as topic, l.id::text as message_key, "
                    + "'LotRecorded' as event_type, jsonb_build_object('data', to_jsonb(l))::text as envelope "
                    + "from lot l where l.organisation_id = ?",
            "payments.lot_ref", "select * from lot_ref where organisation_id = ?",
            // The inbox keeps no organisation: the lot events it took, as many as the lots measured.
            "payments.inbox_event", "select * from inbox_event where event_type like 'Lot%' and ?::uuid is not null");

    private EveryRowBaseline() {
    }

    /** Rows inserted so far into each table of the two databases (PostgreSQL's statistics counters). */
    static Map<String, Long> inserted(LocalStack stack) throws Exception {
        Thread.sleep(1_500); // the counters reach the statistics about a second after a commit
        Map<String, Long> counts = new TreeMap<>();
        for (String db : List.of("lots", "payments")) {
            try (Connection c = Population.connect(stack.database(db));
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select relname, n_tup_ins from pg_stat_user_tables")) {
                while (rs.next()) {
                    counts.put(db + "." + rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    static Writes writes(Map<String, Long> before, Map<String, Long> after, int lots) {
        Map<String, Double> perLot = new TreeMap<>();
        after.forEach((table, n) -> {
            double rows = (n - before.getOrDefault(table, 0L)) / (double) lots;
            if (rows >= 0.01 && !table.contains("bench_")) {
                perLot.put(table, rows);
            }
        });
        return new Writes(perLot);
    }

    /** The tables that took at least half a row per lot and that this baseline copies (others: see details). */
    static List<String> copied(Writes writes) {
        return writes.rowsPerLot().entrySet().stream().filter(e -> e.getValue() >= 0.5)
                .map(Map.Entry::getKey).filter(SOURCES::containsKey).toList();
    }

    static List<String> notCopied(Writes writes) {
        return writes.rowsPerLot().entrySet().stream().filter(e -> e.getValue() >= 0.5)
                .map(Map.Entry::getKey).filter(t -> !SOURCES.containsKey(t)).toList();
    }

    /** Inserts the organisation's rows of every copied table, batch by batch as the lots came, timed. */
    static Ingestion.Result run(LocalStack stack, UUID organisation, Writes writes, int lots, int batchSize,
            int connections, Progress progress) throws Exception {
        Map<String, Table> tables = new LinkedHashMap<>();
        for (String name : copied(writes)) {
            // Whole rows per lot: a busy backend's counters reach the statistics late (a full run read 0.98 and
            // 0.82 for tables that take one row per lot), so the fraction is the counters' lag, not the design.
            tables.put(name, Table.read(stack, name, organisation,
                    (int) Math.max(1, Math.round(writes.rowsPerLot().get(name))) * lots));
        }
        int batches = (lots + batchSize - 1) / batchSize;
        AtomicInteger done = new AtomicInteger();
        ThreadLocal<Map<String, Connection>> mine = ThreadLocal.withInitial(LinkedHashMap::new);
        List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
        try {
            return Ingestion.inParallel(lots, batches, connections, b -> {
                for (String db : List.of("lots", "payments")) {
                    Connection c = mine.get().computeIfAbsent(db, d -> open(stack.database(d), opened));
                    for (Table t : tables.values()) {
                        if (t.db().equals(db)) {
                            t.insertSlice(c, (long) b * batchSize, Math.min(lots, (long) (b + 1) * batchSize), lots);
                        }
                    }
                    c.commit();
                }
                int n = done.incrementAndGet();
                progress.update((double) n / batches, n + "/" + batches + " batches");
            }, new long[batches]);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
            for (Table t : tables.values()) {
                t.drop(stack);
            }
        }
    }

    private static Connection open(LocalStack.Database db, List<Connection> opened) {
        try {
            // Untyped strings let the rebuilt outbox envelope go into whichever type the column has.
            String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                    + "reWriteBatchedInserts=true&stringtype=unspecified";
            Connection c = DriverManager.getConnection(url, db.user(), db.password());
            c.setAutoCommit(false);
            opened.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One copied table: its rows read beforehand, and its {@code bench_} twin. */
    private record Table(String db, String name, List<String> columns, List<Object[]> rows) {

        static Table read(LocalStack stack, String qualified, UUID organisation, int wanted) throws SQLException {
            String db = qualified.substring(0, qualified.indexOf('.'));
            String name = qualified.substring(db.length() + 1);
            List<String> columns = new ArrayList<>();
            List<Object[]> rows = new ArrayList<>();
            try (Connection c = Population.connect(stack.database(db)); Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_" + name);
                s.execute("create table bench_" + name + " (like " + name + " including all)");
                c.setAutoCommit(false); // a fetch size streams only inside a transaction
                try (PreparedStatement q = c.prepareStatement(SOURCES.get(qualified) + " limit " + wanted)) {
                    q.setFetchSize(5_000);
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
                c.commit();
            }
            return new Table(db, name, columns, rows);
        }

        /** The rows that belong to lots [from, to) of {@code lots}, in proportion. */
        void insertSlice(Connection c, long from, long to, int lots) throws SQLException {
            int first = (int) (rows.size() * from / lots);
            int last = (int) (rows.size() * to / lots);
            String insert = "insert into bench_" + name + " (" + String.join(", ", columns) + ") values ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (Object[] row : rows.subList(first, last)) {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (name.equals("outbox_event")) {
                // As the relay does once the events are published (here in the same transaction).
                try (PreparedStatement delete = c.prepareStatement("delete from bench_outbox_event "
                        + "where event_id = any(?)")) {
                    delete.setArray(1, c.createArrayOf("uuid",
                            rows.subList(first, last).stream().map(row -> row[0]).toArray()));
                    delete.executeUpdate();
                }
            }
        }

        void drop(LocalStack stack) throws SQLException {
            try (Connection c = Population.connect(stack.database(db)); Statement s = c.createStatement()) {
                s.execute("drop table if exists bench_" + name);
            }
        }
    }
}

package org.articula.platform.replay;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.events.EventJson.MalformedEventException;
import org.articula.platform.inbox.EventHandler;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.kafka.KafkaClients;
import org.articula.platform.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Rebuilds the service's {@link ReadModel} from the topics alone while the service keeps running
 * (docs/decisions/0018-read-model-rebuild.md):
 * <ol>
 * <li>empty copies of the read-model tables and of the inbox are made in a shadow schema;</li>
 * <li>every event of every topic the service reads is replayed from offset 0 through the service's own
 * {@link EventHandler}, in transactions whose search_path puts the shadow schema first, so the same code
 * writes the copies. The replay never goes past what the live consumer has applied (its inbox and committed
 * offsets), so it never holds an event the live tables do not;</li>
 * <li>once it has caught up, this instance's consumer is paused and, in one transaction that locks the live
 * inbox (so no instance applies an event meanwhile), the replay finishes up to the live positions and the live
 * tables are made equal to the copies, set-based: rows missing inserted, rows that differ updated, extra rows
 * deleted, parents before children. Columns the service writes itself ({@link ReadModel.Table#ownColumns()})
 * are left alone. Then the copies are dropped and the consumer resumes.</li>
 * </ol>
 * Every event is thus in the result exactly once. One rebuild at a time per database, held by a PostgreSQL
 * advisory lock for the whole run.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);

    /** The shadow schema; one rebuild at a time, so one name. */
    public static final String SHADOW = "read_model_rebuild";
    /** The advisory lock (pg_try_advisory_lock) a running rebuild holds; another instance's start is refused. */
    public static final long LOCK = 0x5245_4255_494c_4400L; // "REBUILD"

    // A round that applied fewer events than this is close enough to the live consumer to pause it.
    private static final int CLOSE_ENOUGH = 500;
    private static final int MAX_ROUNDS = 20;
    private static final Duration STALLED = Duration.ofMinutes(2);
    private static final int SWAP_TIMEOUT_SECONDS = 600;

    private static final String RECORD_IN_SHADOW_INBOX = """
            insert into inbox_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, status, error)
            select ?, e.event_id, e.event_type, e.topic, e.kafka_partition, e.kafka_offset,
                coalesce(d.status, 'PROCESSED'), d.error
            from unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[]) with ordinality
                as e (event_id, event_type, topic, kafka_partition, kafka_offset, n)
            left join %s.inbox_event d on d.consumer = ? and d.event_id = e.event_id and d.status = 'DEAD_LETTERED'
            order by e.n
            on conflict do nothing returning event_id, status""";

    @Inject
    DataSource dataSource;
    @Inject
    KafkaClients kafka;
    @Inject
    InboxConsumer inbox;
    @Inject
    Instance<EventHandler> handler;
    @Inject
    Instance<ReadModel> readModel;

    private final Map<UUID, Run> runs = new ConcurrentHashMap<>();
    private Run current; // guarded by this

    /**
     * Starts a rebuild in the background.
     *
     * @throws ProblemException {@link ReadModelProblem#REBUILD_RUNNING} when one runs, here or in another instance
     */
    public synchronized ReadModelRebuildView start() {
        if (current != null && current.finishedAt == null) {
            throw running();
        }
        Connection lock = lock();
        Run run = new Run(UUID.randomUUID(), Instant.now());
        runs.put(run.id, run);
        current = run;
        Thread worker = new Thread(() -> execute(run, lock), inbox.consumerName() + "-rebuild");
        worker.setDaemon(true);
        worker.start();
        return run.view();
    }

    public Optional<ReadModelRebuildView> find(UUID id) {
        return Optional.ofNullable(runs.get(id)).map(Run::view);
    }

    private static ProblemException running() {
        return new ProblemException(ReadModelProblem.REBUILD_RUNNING,
                "Ya se está reconstruyendo el modelo de lectura de este servicio; espere a que termine.");
    }

    /** A connection holding the advisory lock, kept for the whole run and unlocked before it goes back. */
    private Connection lock() {
        try {
            Connection connection = dataSource.getConnection();
            try (Statement st = connection.createStatement();
                    ResultSet locked = st.executeQuery("select pg_try_advisory_lock(" + LOCK + ")")) {
                locked.next();
                if (locked.getBoolean(1)) {
                    return connection;
                }
            }
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the rebuild lock", e);
        }
        throw running();
    }

    private void execute(Run run, Connection lock) {
        String error = null;
        try (Replay replay = new Replay(run, lock)) {
            replay.prepare();
            run.phase = "REPLAYING";
            long applied;
            int rounds = 0;
            do {
                applied = replay.upTo(replay.livePositions(lock));
            } while (applied >= CLOSE_ENOUGH && ++rounds < MAX_ROUNDS);
            run.phase = "SWAPPING";
            inbox.pauseApplying();
            try {
                QuarkusTransaction.requiringNew().timeout(SWAP_TIMEOUT_SECONDS).run(replay::catchUpAndSwap);
            } finally {
                inbox.resumeApplying();
            }
            run.phase = "DONE";
            LOG.infof("%s: read model rebuilt from %d events: %s", inbox.consumerName(), run.replayed, run.tables);
        } catch (Exception e) {
            LOG.errorf(e, "%s: read-model rebuild %s failed; the live tables are unchanged", inbox.consumerName(),
                    run.id);
            error = "La reconstrucción falló y no cambió nada: " + (e.getMessage() == null ? e : e.getMessage());
        } finally {
            try (lock; Statement st = lock.createStatement()) {
                st.execute("drop schema if exists " + SHADOW + " cascade");
                st.execute("select pg_advisory_unlock(" + LOCK + ")");
            } catch (SQLException e) {
                LOG.warnf(e, "%s: could not drop %s or release the rebuild lock", inbox.consumerName(), SHADOW);
            }
            // Finished only now, with the lock released: a rebuild started on seeing this is not refused.
            run.error = error;
            run.finishedAt = Instant.now();
            run.status = error == null ? "SUCCEEDED" : "FAILED";
        }
    }

    /** One rebuild's replay: the shadow tables and the Kafka consumer reading every topic from offset 0. */
    private final class Replay implements AutoCloseable {

        private final Run run;
        private final Connection connection;
        private final String live;
        private final List<ReadModel.Table> tables;
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<TopicPartition> partitions = new ArrayList<>();

        Replay(Run run, Connection connection) throws SQLException {
            this.run = run;
            this.connection = connection;
            this.tables = readModel.get().tables();
            try (Statement st = connection.createStatement();
                    ResultSet schema = st.executeQuery("select current_schema()")) {
                schema.next();
                this.live = quote(schema.getString(1));
            }
            // The live consumer's group, only to read its committed offsets: assigned, never subscribed, never
            // committing, so the group and its offsets are untouched.
            this.consumer = kafka.consumer(inbox.consumerName() + "-rebuild", inbox.consumerName());
            for (String topic : inbox.topics()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
        }

        void prepare() throws SQLException {
            Map<TopicPartition, Long> first = consumer.beginningOffsets(partitions);
            List<TopicPartition> cut = partitions.stream().filter(p -> first.get(p) > 0).toList();
            if (!cut.isEmpty()) {
                // Deleted by a retention from before the topic was kept forever: a rebuild would lose them.
                throw new IllegalStateException("los tópicos ya no tienen sus primeros eventos: " + cut.stream()
                        .map(p -> p + " empieza en " + first.get(p)).toList());
            }
            try (Statement st = connection.createStatement()) {
                st.execute("drop schema if exists " + SHADOW + " cascade");
                st.execute("create schema " + SHADOW);
                for (ReadModel.Table table : tables) {
                    st.execute("create table " + SHADOW + "." + quote(table.name()) + " (like " + live + "."
                            + quote(table.name()) + " including all)");
                }
                st.execute("create table " + SHADOW + ".inbox_event (like " + live + ".inbox_event including all)");
            }
        }

        /**
         * Where the live consumer is: per partition, past the last event its inbox has from it and at least its
         * group's committed offset (which the inbox can lack, e.g. after its rows were deleted).
         */
        Map<TopicPartition, Long> livePositions(Connection on) throws SQLException {
            Map<TopicPartition, Long> positions = new HashMap<>();
            consumer.committed(new java.util.HashSet<>(partitions)).forEach((p, committed) -> {
                if (committed != null) {
                    positions.put(p, committed.offset());
                }
            });
            // Events of idempotent types keep no inbox row, only their partition's position.
            try (PreparedStatement query = on.prepareStatement("select topic, kafka_partition, max(kafka_offset) + 1"
                    + " from " + live + ".inbox_event where consumer = ? group by topic, kafka_partition"
                    + " union all select topic, kafka_partition, kafka_offset + 1 from " + live
                    + ".inbox_position where consumer = ?")) {
                query.setString(1, inbox.consumerName());
                query.setString(2, inbox.consumerName());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        TopicPartition p = new TopicPartition(rows.getString(1), rows.getInt(2));
                        if (partitions.contains(p)) {
                            positions.merge(p, rows.getLong(3), Math::max);
                        }
                    }
                }
            }
            return positions;
        }

        /** Applies every event before {@code target} to the shadow tables; @return how many were read. */
        long upTo(Map<TopicPartition, Long> target) {
            long read = 0;
            Instant progress = Instant.now();
            while (true) {
                List<TopicPartition> behind = partitions.stream()
                        .filter(p -> consumer.position(p) < target.getOrDefault(p, 0L)).toList();
                if (behind.isEmpty()) {
                    return read;
                }
                if (Duration.between(progress, Instant.now()).compareTo(STALLED) > 0) {
                    throw new IllegalStateException("no event could be read from " + behind + " for " + STALLED);
                }
                List<TopicPartition> done = new ArrayList<>(partitions);
                done.removeAll(behind);
                consumer.pause(done);
                consumer.resume(behind);
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                for (TopicPartition p : records.partitions()) {
                    for (ConsumerRecord<String, byte[]> record : records.records(p)) {
                        if (record.offset() >= target.getOrDefault(p, 0L)) {
                            consumer.seek(p, record.offset()); // the live consumer has not got this far
                            break;
                        }
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    apply(batch);
                    read += batch.size();
                    progress = Instant.now();
                }
            }
        }

        private void apply(List<ConsumerRecord<String, byte[]>> records) {
            List<Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope>> events = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    events.add(Map.entry(record, EventJson.read(record.value())));
                } catch (MalformedEventException e) {
                    run.failed++; // unreadable: the live consumer dead-lettered it without an inbox row
                }
            }
            try {
                run.replayed += QuarkusTransaction.requiringNew().call(() -> {
                    List<EventEnvelope> fresh = recordInShadow(events);
                    if (!fresh.isEmpty()) {
                        handler.get().handleAll(fresh);
                    }
                    return fresh.size();
                });
            } catch (RuntimeException batchFailed) {
                for (Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope> event : events) {
                    applyAlone(event);
                }
            }
        }

        // As the live consumer does after a failed poll: one by one, and one the handler refuses is kept in the
        // shadow inbox as dead-lettered (it is already on the dead-letter topic, or its cause is in the log).
        private void applyAlone(Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope> event) {
            try {
                run.replayed += QuarkusTransaction.requiringNew().call(() -> {
                    List<EventEnvelope> fresh = recordInShadow(List.of(event));
                    fresh.forEach(handler.get()::handle);
                    return fresh.size();
                });
            } catch (RuntimeException e) {
                LOG.warnf(e, "%s: rebuild could not apply %s", inbox.consumerName(), event.getValue().eventId());
                run.failed++;
                QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection c = shadowConnection();
                            PreparedStatement update = c.prepareStatement(
                                    "update inbox_event set status = 'DEAD_LETTERED', error = ? where consumer = ? and event_id = ?")) {
                        recordInShadow(List.of(event));
                        update.setString(1, "rebuild: " + e.getMessage());
                        update.setString(2, inbox.consumerName());
                        update.setObject(3, event.getValue().eventId());
                        update.executeUpdate();
                    } catch (SQLException sql) {
                        throw new IllegalStateException(sql);
                    }
                });
            }
        }

        /**
         * Puts the transaction's writes into the shadow schema, records the events in the shadow inbox (taking
         * over what the live inbox knows as dead-lettered) and returns the ones to apply, each once, in order.
         */
        private List<EventEnvelope> recordInShadow(
                List<Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope>> events) {
            int n = events.size();
            Object[] ids = new Object[n];
            String[] types = new String[n];
            String[] topics = new String[n];
            Integer[] partitionsOf = new Integer[n];
            Long[] offsets = new Long[n];
            for (int i = 0; i < n; i++) {
                ConsumerRecord<String, byte[]> record = events.get(i).getKey();
                ids[i] = events.get(i).getValue().eventId();
                types[i] = events.get(i).getValue().type();
                topics[i] = record.topic();
                partitionsOf[i] = record.partition();
                offsets[i] = record.offset();
            }
            Map<UUID, Boolean> recorded = new HashMap<>(); // event id -> to apply
            try (Connection c = shadowConnection();
                    PreparedStatement insert = c.prepareStatement(RECORD_IN_SHADOW_INBOX.formatted(live))) {
                insert.setString(1, inbox.consumerName());
                insert.setArray(2, c.createArrayOf("uuid", ids));
                insert.setArray(3, c.createArrayOf("text", types));
                insert.setArray(4, c.createArrayOf("text", topics));
                insert.setArray(5, c.createArrayOf("int4", partitionsOf));
                insert.setArray(6, c.createArrayOf("int8", offsets));
                insert.setString(7, inbox.consumerName());
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.put(rows.getObject(1, UUID.class), "PROCESSED".equals(rows.getString(2)));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("could not write the shadow inbox", e);
            }
            List<EventEnvelope> fresh = new ArrayList<>(recorded.size());
            for (Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope> e : events) {
                if (Boolean.TRUE.equals(recorded.remove(e.getValue().eventId()))) { // removed: a later copy is not fresh
                    fresh.add(e.getValue());
                }
            }
            return fresh;
        }

        /** The transaction's connection (the one the handler's SQL and Hibernate use), writing to the shadow. */
        private Connection shadowConnection() throws SQLException {
            Connection c = dataSource.getConnection();
            try (Statement st = c.createStatement()) {
                st.execute("set local search_path = " + SHADOW + ", " + live);
            }
            return c;
        }

        /** Runs in the swap transaction: no instance applies an event until it ends. */
        void catchUpAndSwap() {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("set local lock_timeout = '60s'");
                // Blocks every inbox insert and position update, hence every event applied, by any instance,
                // until commit (in the order the consumer takes them, so neither waits for the other in turn).
                st.execute("lock table " + live + ".inbox_event in share row exclusive mode");
                st.execute("lock table " + live + ".inbox_position in share row exclusive mode");
                upTo(livePositions(c)); // its transactions are separate ones, writing only the shadow
                List<ReadModelRebuildView.TableCounts> counts = new ArrayList<>();
                Map<String, Long> deleted = new HashMap<>();
                List<ReadModel.Table> childrenFirst = new ArrayList<>(tables);
                Collections.reverse(childrenFirst);
                for (ReadModel.Table table : childrenFirst) {
                    deleted.put(table.name(), (long) st.executeUpdate(new TableSync(c, table).delete()));
                }
                for (ReadModel.Table table : tables) {
                    TableSync sync = new TableSync(c, table);
                    long updated = sync.update() == null ? 0 : st.executeUpdate(sync.update());
                    long inserted = st.executeUpdate(sync.insert());
                    counts.add(new ReadModelRebuildView.TableCounts(table.name(), sync.rows(), inserted, updated,
                            deleted.get(table.name())));
                }
                run.inboxRowsRestored = restoreInbox(c);
                run.tables = List.copyOf(counts);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }

        /**
         * The live inbox rows the replay found lost, given back; not those of events applied without one (the
         * replay recorded every event, to apply each once and to leave the dead-lettered ones alone).
         */
        private long restoreInbox(Connection c) throws SQLException {
            try (PreparedStatement restore = c.prepareStatement("insert into " + live + ".inbox_event select * from "
                    + SHADOW + ".inbox_event s where s.status <> 'PROCESSED' or s.event_type <> all(?)"
                    + " on conflict do nothing")) {
                restore.setArray(1, c.createArrayOf("text", handler.get().idempotentTypes().toArray()));
                return restore.executeUpdate();
            }
        }

        /** The set-based statements that make one live table equal to its shadow copy. */
        private final class TableSync {
            private final Connection c;
            private final String name;
            private final List<String> keys = new ArrayList<>();
            private final List<String> values = new ArrayList<>();

            TableSync(Connection c, ReadModel.Table table) throws SQLException {
                this.c = c;
                this.name = quote(table.name());
                try (PreparedStatement columns = c.prepareStatement("""
                        select a.attname, coalesce(a.attnum = any(i.indkey), false)
                        from pg_attribute a
                        left join pg_index i on i.indrelid = a.attrelid and i.indisprimary
                        where a.attrelid = to_regclass(?) and a.attnum > 0 and not a.attisdropped
                        order by a.attnum""")) {
                    columns.setString(1, live + "." + name);
                    try (ResultSet rows = columns.executeQuery()) {
                        while (rows.next()) {
                            String column = rows.getString(1);
                            if (rows.getBoolean(2)) {
                                keys.add(quote(column));
                            } else if (!table.ownColumns().contains(column)) {
                                values.add(quote(column));
                            }
                        }
                    }
                }
                if (keys.isEmpty()) {
                    throw new IllegalStateException(table.name() + " has no primary key to match rows by");
                }
            }

            private String sameKey() {
                return String.join(" and ", keys.stream().map(k -> "s." + k + " = t." + k).toList());
            }

            String delete() {
                return "delete from " + live + "." + name + " t where not exists (select 1 from " + SHADOW + "." + name
                        + " s where " + sameKey() + ")";
            }

            /** null when every column is part of the key */
            String update() {
                if (values.isEmpty()) {
                    return null;
                }
                return "update " + live + "." + name + " t set "
                        + String.join(", ", values.stream().map(v -> v + " = s." + v).toList()) + " from " + SHADOW
                        + "." + name + " s where " + sameKey() + " and row("
                        + String.join(", ", values.stream().map(v -> "t." + v).toList()) + ") is distinct from row("
                        + String.join(", ", values.stream().map(v -> "s." + v).toList()) + ")";
            }

            String insert() {
                List<String> all = new ArrayList<>(keys);
                all.addAll(values);
                String columns = String.join(", ", all);
                return "insert into " + live + "." + name + " (" + columns + ") select "
                        + String.join(", ", all.stream().map(v -> "s." + v).toList()) + " from " + SHADOW + "." + name
                        + " s where not exists (select 1 from " + live + "." + name + " t where " + sameKey() + ")";
            }

            long rows() throws SQLException {
                try (Statement st = c.createStatement();
                        ResultSet count = st.executeQuery("select count(*) from " + SHADOW + "." + name)) {
                    count.next();
                    return count.getLong(1);
                }
            }
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A rebuild's progress, written by its worker and read by status requests. */
    private static final class Run {
        final UUID id;
        final Instant startedAt;
        volatile String status = "RUNNING";
        volatile String phase = "PREPARING";
        volatile long replayed;
        volatile long failed;
        volatile long inboxRowsRestored;
        volatile List<ReadModelRebuildView.TableCounts> tables = List.of();
        volatile String error;
        volatile Instant finishedAt;

        Run(UUID id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        ReadModelRebuildView view() {
            return new ReadModelRebuildView(id, status, phase, startedAt, finishedAt, replayed, failed,
                    inboxRowsRestored, tables,
                    error);
        }
    }
}

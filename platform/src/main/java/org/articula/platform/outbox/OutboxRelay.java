package org.articula.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.articula.platform.events.EventHeaders;
import org.articula.platform.kafka.KafkaClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka, in outbox order, with the aggregate id as key, and deletes a row only
 * after the broker acknowledged it (the topic is the record of what was published).
 *
 * <p>Only one relay per database works at a time: it holds a PostgreSQL advisory lock for as long as it
 * runs, so a second instance of the service waits and takes over when the first one dies. Per-key
 * order therefore holds across instances.
 *
 * <p>Exactly once on the topic: before sending, a round records the seqs it is about to send in the
 * single {@code outbox_relay} row. A row found still there and recorded in flight was possibly sent by a
 * relay that stopped between send and delete; its partition is read from that moment on and the row is
 * sent again only if its event id is not there. One small update per round instead of two per row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_lock(hashtext('articula.outbox-relay'))";
    private static final String UNLOCK = "select pg_advisory_unlock(hashtext('articula.outbox-relay'))";
    private static final Duration LOOKBACK_MARGIN = Duration.ofMinutes(1);
    private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final boolean enabled;
    private final Duration pollInterval;
    private final int batchSize;
    private final String clientId;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Connection leader;
    // What outbox_relay says may be on the topic already; read when leadership is taken.
    private InFlight inFlight;

    @Inject
    public OutboxRelay(DataSource dataSource, KafkaClients kafka,
            @ConfigProperty(name = "articula.outbox.relay.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "articula.outbox.relay.poll-interval",
                    defaultValue = "PT0.2S") Duration pollInterval,
            @ConfigProperty(name = "articula.outbox.relay.batch-size", defaultValue = "500") int batchSize,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "articula") String applicationName) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        this.clientId = applicationName + "-outbox-relay";
    }

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, clientId);
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops the loop and gives up leadership, as a process stop would. */
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
        releaseLeadership();
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    private void loop() {
        while (running) {
            try {
                if (relayOnce() < batchSize) {
                    Thread.sleep(pollInterval.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                LOG.warnf(e, "outbox relay round failed; retrying in %s", pollInterval.multipliedBy(10));
                if (e instanceof SQLException) {
                    releaseLeadership();
                }
                try {
                    Thread.sleep(pollInterval.multipliedBy(10).toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * One round: publishes up to one batch of unsent rows.
     *
     * @return how many rows were handled (0 when there was nothing to do or another instance leads)
     */
    synchronized int relayOnce() throws SQLException, InterruptedException {
        if (!holdLeadership()) {
            return 0;
        }
        List<OutboxRow> rows = unsent();
        if (rows.isEmpty()) {
            return 0;
        }
        Set<UUID> published = findAlreadyPublished(rows);
        List<OutboxRow> toSend = rows.stream().filter(row -> !published.contains(row.eventId())).toList();
        recordInFlight(rows, toSend);
        published.addAll(send(toSend));
        delete(rows.stream().filter(row -> published.contains(row.eventId())).toList());
        if (published.size() < rows.size()) {
            throw new IllegalStateException((rows.size() - published.size()) + " outbox rows were not acknowledged");
        }
        return rows.size();
    }

    /** First half of a round, without deleting: what a relay that dies before deleting leaves behind. */
    synchronized List<UUID> sendWithoutMarking() throws SQLException, InterruptedException {
        if (!holdLeadership()) {
            return List.of();
        }
        List<OutboxRow> rows = unsent();
        recordInFlight(rows, rows);
        return new ArrayList<>(send(rows));
    }

    private boolean holdLeadership() throws SQLException {
        if (leader != null) {
            return true;
        }
        Connection connection = dataSource.getConnection();
        try (PreparedStatement lock = connection.prepareStatement(LOCK); ResultSet rs = lock.executeQuery()) {
            rs.next();
            if (rs.getBoolean(1)) {
                leader = connection;
                inFlight = readInFlight();
                LOG.infof("%s leads outbox publication", clientId);
                return true;
            }
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        connection.close();
        return false;
    }

    private synchronized void releaseLeadership() {
        if (leader == null) {
            return;
        }
        // The connection goes back to a pool: the session lock must be released, not left behind.
        try (PreparedStatement unlock = leader.prepareStatement(UNLOCK)) {
            unlock.execute();
        } catch (SQLException e) {
            LOG.debug("could not release the outbox lock; the session is gone with it", e);
        }
        try {
            leader.close();
        } catch (SQLException e) {
            LOG.debug("closing the outbox relay connection failed", e);
        }
        leader = null;
        inFlight = null;
    }

    private List<OutboxRow> unsent() throws SQLException {
        String sql = "select seq, event_id, topic, message_key, event_type, envelope from outbox_event order by seq limit ?";
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = leader.prepareStatement(sql)) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    rows.add(new OutboxRow(seq, rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), inFlight.seqs().contains(seq) ? inFlight.since() : null));
                }
            }
        }
        return rows;
    }

    private InFlight readInFlight() throws SQLException {
        try (PreparedStatement select = leader.prepareStatement("select in_flight, attempted_at from outbox_relay");
                ResultSet rs = select.executeQuery()) {
            if (!rs.next() || rs.getTimestamp(2) == null) {
                return new InFlight(Set.of(), null);
            }
            Set<Long> seqs = new HashSet<>(Arrays.asList((Long[]) rs.getArray(1).getArray()));
            return new InFlight(seqs, rs.getTimestamp(2).toInstant());
        }
    }

    /**
     * Records, before sending, every row that may be on the topic once this round stops halfway: the ones
     * about to be sent, and those of earlier rounds still in doubt that this round did not reach (kept
     * with their earlier time, which only widens the look-up).
     */
    private void recordInFlight(List<OutboxRow> round, List<OutboxRow> toSend) throws SQLException {
        if (toSend.isEmpty()) {
            return;
        }
        Set<Long> seqs = new HashSet<>(inFlight.seqs());
        round.forEach(row -> seqs.remove(row.seq()));
        Instant since = seqs.isEmpty() ? Instant.now() : inFlight.since();
        toSend.forEach(row -> seqs.add(row.seq()));
        try (PreparedStatement update = leader.prepareStatement(
                "update outbox_relay set in_flight = ?, attempted_at = ? where id = 1")) {
            update.setArray(1, leader.createArrayOf("bigint", seqs.toArray()));
            update.setObject(2, since.atOffset(ZoneOffset.UTC));
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("outbox_relay has no row: the platform migrations did not run");
            }
        }
        inFlight = new InFlight(seqs, since);
    }

    /** @return the ids of the events the broker acknowledged */
    private Set<UUID> send(List<OutboxRow> rows) throws InterruptedException {
        Map<UUID, Future<RecordMetadata>> pending = new LinkedHashMap<>();
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(),
                    row.envelope().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_ID, EventHeaders.bytes(row.eventId().toString()));
            record.headers().add(EventHeaders.EVENT_TYPE, EventHeaders.bytes(row.type()));
            record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.bytes("application/json"));
            pending.put(row.eventId(), producer().send(record));
        }
        producer().flush();
        Set<UUID> acknowledged = new HashSet<>();
        for (Map.Entry<UUID, Future<RecordMetadata>> entry : pending.entrySet()) {
            try {
                entry.getValue().get();
                acknowledged.add(entry.getKey());
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "event %s not acknowledged by Kafka; it stays in the outbox", entry.getKey());
            }
        }
        return acknowledged;
    }

    // One statement for the round's rows, not one each. The seqs stay in outbox_relay until the next round
    // overwrites them: a seq is never reused, so a deleted row cannot be taken for one in doubt.
    private void delete(List<OutboxRow> published) throws SQLException {
        if (published.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = leader.prepareStatement("delete from outbox_event where seq = any(?)")) {
            delete.setArray(1, leader.createArrayOf("bigint", published.stream().map(OutboxRow::seq).toArray()));
            delete.executeUpdate();
        }
        Set<Long> seqs = new HashSet<>(inFlight.seqs());
        published.forEach(row -> seqs.remove(row.seq()));
        inFlight = new InFlight(seqs, inFlight.since());
    }

    /**
     * For rows a previous relay may have sent, reads their partitions from the attempt onwards and
     * returns those already there.
     */
    private Set<UUID> findAlreadyPublished(List<OutboxRow> rows) {
        Map<TopicPartition, List<OutboxRow>> inDoubt = new HashMap<>();
        for (OutboxRow row : rows) {
            if (row.attemptedAt() != null) {
                inDoubt.computeIfAbsent(partitionOf(row), tp -> new ArrayList<>()).add(row);
            }
        }
        Set<UUID> found = new HashSet<>();
        if (inDoubt.isEmpty()) {
            return found;
        }
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(clientId + "-recovery", null)) {
            for (Map.Entry<TopicPartition, List<OutboxRow>> entry : inDoubt.entrySet()) {
                TopicPartition partition = entry.getKey();
                Instant from = entry.getValue().stream().map(OutboxRow::attemptedAt).min(Instant::compareTo)
                        .orElseThrow().minus(LOOKBACK_MARGIN);
                List<UUID> wanted = entry.getValue().stream().map(OutboxRow::eventId).toList();
                found.addAll(scan(consumer, partition, from, wanted));
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("%d outbox events were already on Kafka from an interrupted round; not sending them again",
                    found.size());
        }
        return found;
    }

    private Set<UUID> scan(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, Instant from,
            List<UUID> wanted) {
        Set<UUID> found = new HashSet<>();
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        OffsetAndTimestamp start = consumer.offsetsForTimes(Map.of(partition, from.toEpochMilli())).get(partition);
        if (start == null) {
            return found; // nothing written to that partition since the attempt
        }
        consumer.seek(partition, start.offset());
        Instant deadline = Instant.now().plus(SCAN_TIMEOUT);
        while (consumer.position(partition) < end && found.size() < wanted.size()) {
            if (Instant.now().isAfter(deadline)) {
                // Better to stop the round than to guess: the rows stay in doubt and are looked up again.
                throw new IllegalStateException("could not read " + partition + " to its end in " + SCAN_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                String id = EventHeaders.text(record.headers(), EventHeaders.EVENT_ID);
                if (id != null && wanted.contains(UUID.fromString(id))) {
                    found.add(UUID.fromString(id));
                }
            }
        }
        return found;
    }

    // Same partition the producer's default partitioner picks for a keyed record.
    private TopicPartition partitionOf(OutboxRow row) {
        int partitions = producer().partitionsFor(row.topic()).size();
        byte[] key = row.key().getBytes(StandardCharsets.UTF_8);
        return new TopicPartition(row.topic(), Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    private KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.producer(clientId);
        }
        return producer;
    }

    private record OutboxRow(long seq, UUID eventId, String topic, String key, String type, String envelope,
            Instant attemptedAt) {
    }

    private record InFlight(Set<Long> seqs, Instant since) {
    }
}

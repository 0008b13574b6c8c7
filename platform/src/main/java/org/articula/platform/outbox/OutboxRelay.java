package org.articula.platform.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Publishes outbox rows to Kafka, in outbox order, with the aggregate id as key, and marks a row sent
 * only after the broker acknowledged it.
 *
 * <p>Only one relay per database works at a time: it holds a PostgreSQL advisory lock for as long as it
 * runs, so a second instance of the service waits and takes over when the first one dies. Per-key
 * order therefore holds across instances.
 *
 * <p>Exactly once on the topic: before sending, rows are stamped {@code attempted_at}. A row found
 * stamped but not marked sent was possibly sent by a relay that stopped between send and mark; its
 * partition is read from that moment on and the row is sent again only if its event id is not there.
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

    @Inject
    public OutboxRelay(DataSource dataSource, KafkaClients kafka,
            @ConfigProperty(name = "articula.outbox.relay.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "articula.outbox.relay.poll-interval", defaultValue = "PT0.2S") Duration pollInterval,
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
        Map<UUID, Placement> placed = findAlreadyPublished(rows);
        List<OutboxRow> toSend = rows.stream().filter(row -> !placed.containsKey(row.eventId())).toList();
        markAttempted(toSend);
        placed.putAll(send(toSend));
        markSent(placed);
        if (placed.size() < rows.size()) {
            throw new IllegalStateException((rows.size() - placed.size()) + " outbox rows were not acknowledged");
        }
        return rows.size();
    }

    /** First half of a round, without marking: what a relay that dies before marking leaves behind. */
    synchronized List<UUID> sendWithoutMarking() throws SQLException, InterruptedException {
        if (!holdLeadership()) {
            return List.of();
        }
        List<OutboxRow> rows = unsent();
        markAttempted(rows);
        return new ArrayList<>(send(rows).keySet());
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
    }

    private List<OutboxRow> unsent() throws SQLException {
        String sql = """
                select seq, event_id, topic, message_key, event_type, envelope::text, attempted_at
                from outbox_event where sent_at is null order by seq limit ?""";
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = leader.prepareStatement(sql)) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp attempted = rs.getTimestamp(7);
                    rows.add(new OutboxRow(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), attempted == null ? null : attempted.toInstant()));
                }
            }
        }
        return rows;
    }

    private void markAttempted(List<OutboxRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        String sql = "update outbox_event set attempted_at = now(), attempts = attempts + 1 where seq = any(?)";
        try (PreparedStatement update = leader.prepareStatement(sql)) {
            Array seqs = leader.createArrayOf("bigint", rows.stream().map(OutboxRow::seq).toArray());
            update.setArray(1, seqs);
            update.executeUpdate();
        }
    }

    private Map<UUID, Placement> send(List<OutboxRow> rows) throws InterruptedException {
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
        Map<UUID, Placement> acknowledged = new HashMap<>();
        for (Map.Entry<UUID, Future<RecordMetadata>> entry : pending.entrySet()) {
            try {
                RecordMetadata metadata = entry.getValue().get();
                acknowledged.put(entry.getKey(), new Placement(metadata.partition(), metadata.offset()));
            } catch (ExecutionException e) {
                LOG.warnf(e.getCause(), "event %s not acknowledged by Kafka; it stays in the outbox", entry.getKey());
            }
        }
        return acknowledged;
    }

    // One statement for the round's rows, not one each: under a burst of lots that was most of the relay's cost.
    private void markSent(Map<UUID, Placement> placed) throws SQLException {
        if (placed.isEmpty()) {
            return;
        }
        String sql = """
                update outbox_event o set sent_at = now(), kafka_partition = p.part, kafka_offset = p.off
                from unnest(?::uuid[], ?::int[], ?::bigint[]) as p(id, part, off)
                where o.event_id = p.id and o.sent_at is null""";
        List<UUID> ids = new ArrayList<>(placed.keySet());
        try (PreparedStatement update = leader.prepareStatement(sql)) {
            update.setArray(1, leader.createArrayOf("uuid", ids.toArray()));
            update.setArray(2, leader.createArrayOf("integer", ids.stream().map(id -> placed.get(id).partition()).toArray()));
            update.setArray(3, leader.createArrayOf("bigint", ids.stream().map(id -> placed.get(id).offset()).toArray()));
            update.executeUpdate();
        }
    }

    /**
     * For rows a previous relay may have sent, reads their partitions from the attempt onwards and
     * returns where those events already are.
     */
    private Map<UUID, Placement> findAlreadyPublished(List<OutboxRow> rows) {
        Map<TopicPartition, List<OutboxRow>> inDoubt = new HashMap<>();
        for (OutboxRow row : rows) {
            if (row.attemptedAt() != null) {
                inDoubt.computeIfAbsent(partitionOf(row), tp -> new ArrayList<>()).add(row);
            }
        }
        Map<UUID, Placement> found = new HashMap<>();
        if (inDoubt.isEmpty()) {
            return found;
        }
        try (KafkaConsumer<String, byte[]> consumer = kafka.consumer(clientId + "-recovery", null)) {
            for (Map.Entry<TopicPartition, List<OutboxRow>> entry : inDoubt.entrySet()) {
                TopicPartition partition = entry.getKey();
                Instant from = entry.getValue().stream().map(OutboxRow::attemptedAt).min(Instant::compareTo)
                        .orElseThrow().minus(LOOKBACK_MARGIN);
                List<UUID> wanted = entry.getValue().stream().map(OutboxRow::eventId).toList();
                found.putAll(scan(consumer, partition, from, wanted));
            }
        }
        if (!found.isEmpty()) {
            LOG.infof("%d outbox events were already on Kafka from an interrupted round; not sending them again",
                    found.size());
        }
        return found;
    }

    private Map<UUID, Placement> scan(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, Instant from,
            List<UUID> wanted) {
        Map<UUID, Placement> found = new HashMap<>();
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
                    found.put(UUID.fromString(id), new Placement(record.partition(), record.offset()));
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

    private record Placement(int partition, long offset) {
    }
}

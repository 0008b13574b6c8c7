package org.articula.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventHeaders;
import org.articula.platform.events.EventJson;
import org.articula.platform.events.EventJson.MalformedEventException;
import org.articula.platform.kafka.KafkaClients;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Consumes the configured topics and hands each event to the service's {@link EventHandler} exactly
 * once: the inbox row and the handler's effect commit in one database transaction, and the Kafka
 * offset is committed only after that. A redelivered event finds its inbox row and is skipped. Events of
 * the handler's {@link EventHandler#idempotentTypes()} are applied again instead (to the same result) and
 * leave only the partition's position ({@link InboxPositions}).
 *
 * <p>An event that cannot be read, or whose handler keeps failing, is copied to the dead-letter topic
 * with the reason in headers, recorded as dead-lettered (with its bytes, for {@link DeadLetters} to re-drive
 * once the cause is fixed), and consumption goes on. Database outages are
 * not the event's fault: those are retried without dead-lettering.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);

    public static final String DLT_REASON = "dlt.reason";
    public static final String DLT_EXCEPTION = "dlt.exception";
    public static final String DLT_ORIGINAL_TOPIC = "dlt.original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "dlt.original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "dlt.original-offset";
    public static final String DLT_CONSUMER = "dlt.consumer";
    public static final String DLT_FAILED_AT = "dlt.failed-at";

    private static final String INSERT_INBOX = """
            insert into inbox_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, status, error)
            values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""";

    // A whole poll in one statement. DO NOTHING also skips a second copy within the statement, so the
    // ids returned are exactly the events new to the inbox.
    private static final String INSERT_INBOX_ALL = """
            insert into inbox_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, status)
            select ?, e.event_id, e.event_type, e.topic, e.kafka_partition, e.kafka_offset, 'PROCESSED'
            from unnest(?::uuid[], ?::text[], ?::text[], ?::int[], ?::bigint[])
                as e (event_id, event_type, topic, kafka_partition, kafka_offset)
            on conflict do nothing returning event_id""";

    private static final String INSERT_DEAD_LETTER = """
            insert into dead_letter (id, consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type,
                reason, exception, failed_at, attempts, status, payload)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, 'DEAD_LETTERED', ?) on conflict do nothing""";

    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final Instance<EventHandler> handlers;
    private final String consumerName;
    private final List<String> topics;
    private final String deadLetterTopic;
    private final int maxAttempts;
    private final Duration retryBackoff;

    private volatile boolean running;
    // Set while a read-model rebuild swaps tables (pauseApplying); guarded by applying.
    private volatile boolean paused;
    private final Object applying = new Object();
    private Thread worker;
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;

    @Inject
    public InboxConsumer(DataSource dataSource, KafkaClients kafka, Instance<EventHandler> handlers,
            // A property expression in defaultValue is not expanded, so the application name comes in on its own.
            @ConfigProperty(name = "articula.inbox.consumer") Optional<String> consumerName,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "articula.inbox.topics") Optional<List<String>> topics,
            @ConfigProperty(name = "articula.inbox.dead-letter-topic") Optional<String> deadLetterTopic,
            @ConfigProperty(name = "articula.inbox.max-attempts", defaultValue = "3") int maxAttempts,
            @ConfigProperty(name = "articula.inbox.retry-backoff", defaultValue = "PT0.5S") Duration retryBackoff) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.handlers = handlers;
        this.consumerName = consumerName.orElse(applicationName);
        this.topics = topics.orElse(List.of());
        this.deadLetterTopic = deadLetterTopic.orElse(this.consumerName + ".dlt");
        this.maxAttempts = maxAttempts;
        this.retryBackoff = retryBackoff;
    }

    void onStart(@Observes StartupEvent event) {
        if (isConfigured()) {
            start();
        }
    }

    /** Whether this service consumes anything (articula.inbox.topics set). */
    public boolean isConfigured() {
        return !topics.isEmpty();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    public String deadLetterTopic() {
        return deadLetterTopic;
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        if (!handlers.isResolvable()) {
            throw new IllegalStateException("articula.inbox.topics is set but there is no single EventHandler bean");
        }
        running = true;
        consumer = kafka.consumer(consumerName + "-inbox", consumerName);
        deadLetters = kafka.producer(consumerName + "-dead-letters");
        worker = new Thread(this::loop, consumerName + "-inbox");
        worker.setDaemon(true);
        worker.start();
    }

    public synchronized void stop() {
        running = false;
        if (worker == null) {
            return; // never started
        }
        consumer.wakeup(); // the loop closes the consumer on its way out
        try {
            worker.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
        deadLetters.close(Duration.ofSeconds(10));
    }

    public boolean isRunning() {
        return running && worker != null && worker.isAlive();
    }

    private void loop() {
        try {
            consumer.subscribe(topics);
            while (running) {
                holdWhilePaused();
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    synchronized (applying) {
                        if (paused) {
                            putBack(records);
                        } else {
                            process(records);
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s stopped consuming", consumerName);
            running = false;
        } finally {
            consumer.close(Duration.ofSeconds(10));
        }
    }

    // ---- pausing, for a read-model rebuild (platform.replay.ReadModelRebuild) ------------------------------

    /** The consumer name in the inbox and the Kafka group id. */
    public String consumerName() {
        return consumerName;
    }

    /** The topics consumed (articula.inbox.topics). */
    public List<String> topics() {
        return topics;
    }

    /**
     * Stops applying events until {@link #resumeApplying()}, returning once no poll is being applied: from then
     * on the inbox and the read model change only by others. The consumer stays in its group (it keeps polling,
     * its partitions paused), so no rebalance moves its partitions meanwhile.
     */
    public void pauseApplying() {
        synchronized (applying) {
            paused = true;
        }
    }

    public void resumeApplying() {
        paused = false;
    }

    private void holdWhilePaused() {
        Set<TopicPartition> assigned = consumer.assignment();
        if (paused) {
            consumer.pause(assigned); // again after a rebalance, for partitions newly assigned
        } else if (!consumer.paused().isEmpty()) {
            consumer.resume(consumer.paused());
        }
    }

    /** Records polled just as the pause began: read again from the first of each partition after resuming. */
    private void putBack(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    // ----------------------------------------------------------------------------------------------------

    private void process(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        if (applyAllAtOnce(records)) {
            for (TopicPartition partition : records.partitions()) {
                List<ConsumerRecord<String, byte[]>> applied = records.records(partition);
                done.put(partition, new OffsetAndMetadata(applied.get(applied.size() - 1).offset() + 1));
            }
            consumer.commitSync(done);
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!processWithRetry(record)) {
                    // Database unavailable: commit what is done, re-read this partition from here later.
                    consumer.seek(partition, record.offset());
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        // Offsets only after the effects are committed; a crash in between means redelivery, which the
        // inbox absorbs.
        if (!done.isEmpty()) {
            consumer.commitSync(done);
        }
    }

    /**
     * The common case: every event of the poll applied in one transaction, so hundreds of events cost one
     * commit (one WAL flush) instead of one each, which is what lets the read model keep up with a burst of
     * lots. Any failure rolls them all back and they are applied one by one, which retries, dead-letters
     * the culprit and applies the rest. The whole poll goes into the inbox in one statement and only the
     * events new to it reach the handler, once each and in poll order, so a duplicate within the poll or
     * redelivered later is applied once.
     */
    private boolean applyAllAtOnce(ConsumerRecords<String, byte[]> records) {
        if (records.count() < 2) {
            return false;
        }
        List<Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope>> events = new ArrayList<>(records.count());
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    events.add(Map.entry(record, EventJson.read(record.value())));
                } catch (MalformedEventException e) {
                    return false;
                }
            }
        }
        Set<String> idempotent = handlers.get().idempotentTypes();
        List<Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope>> remembered = new ArrayList<>(events.size());
        List<Map.Entry<ConsumerRecord<String, byte[]>, String>> positioned = new ArrayList<>();
        for (Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope> e : events) {
            if (idempotent.contains(e.getValue().type())) {
                positioned.add(Map.entry(e.getKey(), e.getValue().type()));
            } else {
                remembered.add(e);
            }
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                // The inbox, then the positions, then the effects: the order a rebuild's swap locks them in.
                Set<UUID> recorded = remembered.isEmpty() ? new HashSet<>() : recordAllInInbox(remembered);
                InboxPositions.advance(dataSource, consumerName, positioned);
                List<EventEnvelope> fresh = new ArrayList<>(events.size());
                for (Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope> e : events) {
                    // removed: a later copy is not fresh; an idempotent event is applied whatever came before
                    if (idempotent.contains(e.getValue().type()) || recorded.remove(e.getValue().eventId())) {
                        fresh.add(e.getValue());
                    }
                }
                if (!fresh.isEmpty()) {
                    handlers.get().handleAll(fresh);
                }
            });
            return true;
        } catch (RuntimeException e) {
            LOG.debugf(e, "%s: %d events in one transaction failed; applying them one by one", consumerName,
                    events.size());
            return false;
        }
    }

    /** @return false when the record could not be handled for reasons outside the event (retry later) */
    private boolean processWithRetry(ConsumerRecord<String, byte[]> record) {
        EventEnvelope event;
        try {
            event = EventJson.read(record.value());
        } catch (MalformedEventException e) {
            return deadLetter(record, null, e);
        }
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                applyOnce(record, event);
                return true;
            } catch (RuntimeException e) {
                if (isInfrastructureFailure(e)) {
                    LOG.warnf(e, "%s: database unavailable while applying %s; will retry", consumerName,
                            event.eventId());
                    pause();
                    return false;
                }
                last = e;
                LOG.debugf(e, "%s: attempt %d to apply %s failed", consumerName, attempt, event.eventId());
                pause();
            }
        }
        return deadLetter(record, event, last);
    }

    private void applyOnce(ConsumerRecord<String, byte[]> record, EventEnvelope event) {
        QuarkusTransaction.requiringNew().run(() -> {
            if (handlers.get().idempotentTypes().contains(event.type())) {
                InboxPositions.advance(dataSource, consumerName, List.of(Map.entry(record, event.type())));
                handlers.get().handle(event);
            } else if (recordInInbox(record, event.eventId(), event.type(), "PROCESSED", null)) {
                handlers.get().handle(event);
            } else {
                LOG.debugf("%s: event %s already applied; skipped", consumerName, event.eventId());
            }
        });
    }

    private boolean deadLetter(ConsumerRecord<String, byte[]> record, EventEnvelope event, Exception cause) {
        String reason = DeadLetters.storable(
                cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage());
        LOG.errorf("%s: event at %s-%d@%d goes to %s: %s", consumerName, record.topic(), record.partition(),
                record.offset(), deadLetterTopic, reason);
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                record.headers());
        copy.headers().add(DLT_REASON, EventHeaders.bytes(reason));
        copy.headers().add(DLT_EXCEPTION, EventHeaders.bytes(cause.getClass().getName()));
        copy.headers().add(DLT_ORIGINAL_TOPIC, EventHeaders.bytes(record.topic()));
        copy.headers().add(DLT_ORIGINAL_PARTITION, EventHeaders.bytes(Integer.toString(record.partition())));
        copy.headers().add(DLT_ORIGINAL_OFFSET, EventHeaders.bytes(Long.toString(record.offset())));
        copy.headers().add(DLT_CONSUMER, EventHeaders.bytes(consumerName));
        copy.headers().add(DLT_FAILED_AT, EventHeaders.bytes(Instant.now().toString()));
        try {
            deadLetters.send(copy).get();
        } catch (Exception e) {
            LOG.warnf(e, "%s: dead-letter topic unavailable; will retry the event", consumerName);
            pause();
            return false;
        }
        return recordDeadLetter(record, event, cause, reason);
    }

    /**
     * Remembers the dead letter in the database, in one transaction: the inbox row (so a redelivery is not
     * dead-lettered twice) and the dead_letter row with the record's bytes, which an operator lists and
     * re-drives through {@link DeadLetters} once the cause is fixed.
     *
     * @return false when the database is unavailable (the event is retried later, as any other)
     */
    private boolean recordDeadLetter(ConsumerRecord<String, byte[]> record, EventEnvelope event, Exception cause,
            String reason) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (event != null) {
                    recordInInbox(record, event.eventId(), event.type(), "DEAD_LETTERED", reason);
                }
                insertDeadLetter(record, event, cause, reason);
            });
            return true;
        } catch (RuntimeException e) {
            if (isInfrastructureFailure(e)) {
                LOG.warnf(e, "%s: database unavailable while recording a dead letter; will retry", consumerName);
                pause();
                return false;
            }
            LOG.errorf(e, "%s: could not record the dead letter at %s-%d@%d", consumerName, record.topic(),
                    record.partition(), record.offset());
            return true;
        }
    }

    private void insertDeadLetter(ConsumerRecord<String, byte[]> record, EventEnvelope event, Exception cause,
            String reason) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_DEAD_LETTER)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, consumerName);
            insert.setString(3, record.topic());
            insert.setInt(4, record.partition());
            insert.setLong(5, record.offset());
            insert.setString(6, DeadLetters.storable(record.key()));
            insert.setObject(7, event == null ? null : event.eventId());
            insert.setString(8, event == null ? null : DeadLetters.storable(event.type()));
            insert.setString(9, reason);
            insert.setString(10, cause.getClass().getName());
            insert.setInt(11, event == null ? 1 : maxAttempts);
            insert.setBytes(12, record.value() == null ? new byte[0] : record.value());
            insert.executeUpdate();
        } catch (SQLException e) {
            // Not InboxUnavailableException: only a connection failure (SQLState 08) is retried.
            throw new IllegalStateException("could not record the dead letter", e);
        }
    }

    /** @return the ids of the events that were not in the inbox yet */
    private Set<UUID> recordAllInInbox(List<Map.Entry<ConsumerRecord<String, byte[]>, EventEnvelope>> events) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        String[] topics = new String[n];
        Integer[] partitions = new Integer[n];
        Long[] offsets = new Long[n];
        for (int i = 0; i < n; i++) {
            ConsumerRecord<String, byte[]> record = events.get(i).getKey();
            EventEnvelope event = events.get(i).getValue();
            ids[i] = event.eventId();
            types[i] = event.type();
            topics[i] = record.topic();
            partitions[i] = record.partition();
            offsets[i] = record.offset();
        }
        Set<UUID> recorded = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_INBOX_ALL)) {
            insert.setString(1, consumerName);
            insert.setArray(2, connection.createArrayOf("uuid", ids));
            insert.setArray(3, connection.createArrayOf("text", types));
            insert.setArray(4, connection.createArrayOf("text", topics));
            insert.setArray(5, connection.createArrayOf("int4", partitions));
            insert.setArray(6, connection.createArrayOf("int8", offsets));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getObject(1, UUID.class));
                }
            }
            return recorded;
        } catch (SQLException e) {
            throw new InboxUnavailableException(e);
        }
    }

    private boolean recordInInbox(ConsumerRecord<String, byte[]> record, UUID eventId, String type, String status,
            String error) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_INBOX)) {
            insert.setString(1, consumerName);
            insert.setObject(2, eventId);
            insert.setString(3, type);
            insert.setString(4, record.topic());
            insert.setInt(5, record.partition());
            insert.setLong(6, record.offset());
            insert.setString(7, status);
            insert.setString(8, error);
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new InboxUnavailableException(e);
        }
    }

    static boolean isInfrastructureFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InboxUnavailableException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // connection exception class
            }
        }
        return false;
    }

    private void pause() {
        try {
            Thread.sleep(retryBackoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The inbox itself could not be written: the database, not the event, is at fault. */
    static final class InboxUnavailableException extends RuntimeException {
        InboxUnavailableException(SQLException cause) {
            super("inbox unavailable: " + cause.getMessage(), cause);
        }
    }
}

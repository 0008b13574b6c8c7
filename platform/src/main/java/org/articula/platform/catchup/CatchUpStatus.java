package org.articula.platform.catchup;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.kafka.KafkaClients;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Measures {@link ReadModelStatus}: the consumer group's committed offsets against the topics' end offsets
 * (read committed, as the consumer reads), the last inbox row of each partition, the dead letters, and the
 * outbox rows the relay has not published yet. Outbox and dead letters are also Micrometer gauges, read from
 * the database at each scrape; the lag is not, as it costs a round trip to the broker.
 */
@ApplicationScoped
public class CatchUpStatus {

    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);
    // The inbox's last row of the partition or the position of events applied without one, whichever is later.
    private static final String LAST_APPLIED = """
            select kafka_offset, event_type, processed_at from (
                (select kafka_offset, event_type, processed_at from inbox_event
                 where consumer = ? and topic = ? and kafka_partition = ? order by kafka_offset desc limit 1)
                union all
                select kafka_offset, event_type, processed_at from inbox_position
                where consumer = ? and topic = ? and kafka_partition = ?) last
            order by kafka_offset desc limit 1""";
    private static final String DEAD_LETTERS = """
            select topic, kafka_partition, count(*) from dead_letter where consumer = ? and status = 'DEAD_LETTERED'
            group by topic, kafka_partition""";

    private final DataSource dataSource;
    private final KafkaClients kafka;
    private final InboxConsumer inbox;
    private final Clock clock;
    private final String service;
    private final String outboxTopic;
    private Admin admin;

    @Inject
    public CatchUpStatus(DataSource dataSource, KafkaClients kafka, InboxConsumer inbox, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "articula.events.topic") String outboxTopic) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.inbox = inbox;
        this.clock = clock;
        this.service = service;
        this.outboxTopic = outboxTopic;
    }

    void gauges(@Observes StartupEvent event, MeterRegistry registry) {
        Gauge.builder("articula.outbox.pending", this, status -> status.outbox().pending())
                .description("Events recorded in the outbox and not yet published").register(registry);
        Gauge.builder("articula.outbox.oldest.pending.age", this, status -> {
            Long age = status.outbox().oldestPendingAgeSeconds();
            return age == null ? 0 : age;
        }).baseUnit("seconds").description("Age of the oldest event not yet published").register(registry);
        Gauge.builder("articula.inbox.dead.letters", this, status -> status.deadLetters().values().stream()
                .mapToLong(Long::longValue).sum()).description("Events dead-lettered and not re-driven")
                .register(registry);
    }

    void close(@Observes ShutdownEvent event) {
        synchronized (this) {
            if (admin != null) {
                admin.close(Duration.ofSeconds(5));
                admin = null;
            }
        }
    }

    public ReadModelStatus measure() {
        Instant now = clock.instant();
        List<ReadModelStatus.Topic> topics = topics();
        ReadModelStatus.Outbox outbox = outbox();
        boolean caughtUp = topics.stream().allMatch(t -> t.lag() == 0);
        long deadLetters = deadLetters().values().stream().mapToLong(Long::longValue).sum();
        return new ReadModelStatus(service, now, caughtUp, inbox.isRunning(), topics, deadLetters, outbox);
    }

    private List<ReadModelStatus.Topic> topics() {
        if (inbox.topics().isEmpty()) {
            return List.of();
        }
        Positions kafkaSays = positions();
        Map<TopicPartition, Long> deadLetters = deadLetters();
        List<ReadModelStatus.Topic> topics = new ArrayList<>();
        for (Map.Entry<String, List<TopicPartition>> topic : kafkaSays.partitions().entrySet()) {
            List<ReadModelStatus.Partition> rows = new ArrayList<>();
            for (TopicPartition partition : topic.getValue()) {
                OffsetAndMetadata position = kafkaSays.committed().get(partition);
                // Nothing committed yet: the consumer starts at the earliest offset still kept.
                long next = position == null ? kafkaSays.start().get(partition) : position.offset();
                long end = kafkaSays.end().get(partition);
                rows.add(partition(partition, position == null || next == 0 ? null : next - 1, end,
                        Math.max(0, end - next), deadLetters.getOrDefault(partition, 0L)));
            }
            topics.add(new ReadModelStatus.Topic(topic.getKey(),
                    rows.stream().mapToLong(ReadModelStatus.Partition::lag).sum(),
                    rows.stream().mapToLong(ReadModelStatus.Partition::deadLetters).sum(), rows));
        }
        return topics;
    }

    /** What the broker says of the consumed topics and of this service's consumer group. */
    private record Positions(Map<String, List<TopicPartition>> partitions,
            Map<TopicPartition, OffsetAndMetadata> committed, Map<TopicPartition, Long> start,
            Map<TopicPartition, Long> end) {
    }

    private Positions positions() {
        try {
            Admin client = admin();
            Map<String, List<TopicPartition>> partitions = partitions(client);
            List<TopicPartition> all = partitions.values().stream().flatMap(List::stream).toList();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(inbox.consumerName())
                    .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Positions(partitions, committed, offsets(client, all, OffsetSpec.earliest()),
                    offsets(client, all, OffsetSpec.latest()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw kafkaUnavailable();
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw kafkaUnavailable();
        }
    }

    /** The consumed topics' partitions in order; a topic not created yet has none. */
    private Map<String, List<TopicPartition>> partitions(Admin client)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, List<TopicPartition>> partitions = new LinkedHashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = client.describeTopics(inbox.topics()).topicNameValues();
        for (String topic : inbox.topics()) {
            List<TopicPartition> list = new ArrayList<>();
            try {
                TopicDescription description = described.get(topic).get(KAFKA_TIMEOUT.toMillis(),
                        TimeUnit.MILLISECONDS);
                description.partitions().forEach(p -> list.add(new TopicPartition(topic, p.partition())));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            list.sort(Comparator.comparingInt(TopicPartition::partition));
            partitions.put(topic, list);
        }
        return partitions;
    }

    private Map<TopicPartition, Long> offsets(Admin client, List<TopicPartition> partitions, OffsetSpec spec)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(p -> request.put(p, spec));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        client.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                .get(KAFKA_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private ReadModelStatus.Partition partition(TopicPartition partition, Long lastApplied, long end, long lag,
            long deadLetters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(LAST_APPLIED)) {
            for (int at = 0; at <= 3; at += 3) {
                select.setString(at + 1, inbox.consumerName());
                select.setString(at + 2, partition.topic());
                select.setInt(at + 3, partition.partition());
            }
            try (ResultSet rs = select.executeQuery()) {
                String type = null;
                Instant at = null;
                if (rs.next()) {
                    type = rs.getString(2);
                    at = rs.getTimestamp(3).toInstant();
                }
                return new ReadModelStatus.Partition(partition.partition(), lastApplied, end, lag, type, at,
                        deadLetters);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the inbox", e);
        }
    }

    private Map<TopicPartition, Long> deadLetters() {
        Map<TopicPartition, Long> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(DEAD_LETTERS)) {
            select.setString(1, inbox.consumerName());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    counts.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the dead letters", e);
        }
    }

    ReadModelStatus.Outbox outbox() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select count(*), min(created_at) from outbox_event");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            Timestamp oldest = rs.getTimestamp(2);
            Instant oldestAt = oldest == null ? null : oldest.toInstant();
            Long age = oldestAt == null
                    ? null
                    : Math.max(0, Duration.between(oldestAt, clock.instant()).toSeconds());
            return new ReadModelStatus.Outbox(outboxTopic, rs.getLong(1), oldestAt, age);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = kafka.admin(service + "-catch-up-status");
        }
        return admin;
    }

    private static ProblemException kafkaUnavailable() {
        return new ProblemException(ProblemType.UNAVAILABLE, "Kafka no responde: no se puede medir el avance");
    }
}

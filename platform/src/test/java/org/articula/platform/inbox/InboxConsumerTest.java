package org.articula.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventHeaders;
import org.articula.platform.events.EventJson;
import org.articula.platform.kafka.KafkaClients;
import org.articula.platform.testing.Ledger;
import org.articula.platform.testing.LedgerHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer runs from start-up on platform-test.inbox with {@code LedgerHandler}. */
@QuarkusTest
class InboxConsumerTest {

    static final String TOPIC = "platform-test.inbox";
    static final String DEAD_LETTERS = "platform-test.dlt";

    @Inject
    DataSource dataSource;
    @Inject
    KafkaClients kafka;
    @Inject
    InboxConsumer consumer;

    KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void topics() throws Exception {
        TestTopics.create(TOPIC, 3);
        TestTopics.create(DEAD_LETTERS, 1);
    }

    @BeforeEach
    void producer() {
        producer = kafka.producer("inbox-test");
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void aDuplicateEventIsAppliedOnce() throws Exception {
        String key = "producer-" + UUID.randomUUID();
        EventEnvelope booked = envelope(key, Map.of("amount", "50.01"));
        send(key, EventJson.write(booked));
        send(key, EventJson.write(booked)); // redelivered, e.g. by a relay retry
        EventEnvelope marker = envelope(key, Map.of("amount", "1.00"));
        send(key, EventJson.write(marker)); // same key, so same partition: consumed after both copies

        awaitLedgerRows(marker.eventId(), 1);
        assertEquals(1, ledgerRows(booked.eventId()), "the second copy was skipped");
        assertEquals("PROCESSED", inboxStatus(booked.eventId()));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicAndTheNextEventIsStillConsumed() throws Exception {
        String key = "producer-" + UUID.randomUUID();
        EventEnvelope poison = envelope(key, Map.of("poison", true));
        EventEnvelope next = envelope(key, Map.of("amount", "12.50"));
        send(key, EventJson.write(poison));
        send(key, EventJson.write(next));

        awaitLedgerRows(next.eventId(), 1);
        assertEquals(0, ledgerRows(poison.eventId()), "the poison event's effect was rolled back");
        assertEquals("DEAD_LETTERED", inboxStatus(poison.eventId()));

        ConsumerRecord<String, byte[]> dead = deadLetterFor(poison.eventId().toString());
        assertEquals(key, dead.key());
        assertEquals(EventJson.write(poison), new String(dead.value(), StandardCharsets.UTF_8));
        assertTrue(EventHeaders.text(dead.headers(), InboxConsumer.DLT_REASON).contains("poison pill"),
                "the reason travels with the event");
        assertEquals(TOPIC, EventHeaders.text(dead.headers(), InboxConsumer.DLT_ORIGINAL_TOPIC));
        assertEquals(IllegalArgumentException.class.getName(),
                EventHeaders.text(dead.headers(), InboxConsumer.DLT_EXCEPTION));
    }

    @Test
    void anUnreadableMessageIsDeadLetteredWithTheReason() throws Exception {
        String key = "producer-" + UUID.randomUUID();
        String garbage = "{\"eventId\": \"not-a-uuid\", \"" + key + "\": true}";
        send(key, garbage);
        EventEnvelope next = envelope(key, Map.of("amount", "3.00"));
        send(key, EventJson.write(next));

        awaitLedgerRows(next.eventId(), 1);
        ConsumerRecord<String, byte[]> dead = TestTopics.readAll(DEAD_LETTERS).stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).equals(garbage)).findFirst()
                .orElseThrow(() -> new AssertionError("unreadable message not dead-lettered"));
        assertTrue(EventHeaders.text(dead.headers(), InboxConsumer.DLT_REASON).contains("not a valid event envelope"));
    }

    /**
     * Events that piled up while the consumer was stopped arrive in one poll and are applied in one
     * transaction (their inbox rows share one processed_at, the transaction's time), each once, the
     * duplicate skipped.
     */
    @Test
    void aBacklogIsAppliedInFewTransactionsEachEventOnce() throws Exception {
        List<EventEnvelope> events = new java.util.ArrayList<>();
        consumer.stop();
        try {
            for (int i = 0; i < 20; i++) {
                String key = "producer-" + UUID.randomUUID();
                EventEnvelope event = envelope(key, Map.of("amount", i + ".00"));
                events.add(event);
                send(key, EventJson.write(event));
            }
            EventEnvelope first = events.get(0);
            send(first.aggregateId(), EventJson.write(first)); // a duplicate inside the backlog
        } finally {
            consumer.start();
        }

        for (EventEnvelope event : events) {
            awaitLedgerRows(event.eventId(), 1);
        }
        for (EventEnvelope event : events) {
            assertEquals(1, ledgerRows(event.eventId()), "applied once: " + event.eventId());
        }
        assertTrue(transactions(events) < events.size(), "a backlog of 20 events took "
                + transactions(events) + " transactions");
    }

    /**
     * A backlog holding a redelivery of an event already applied and two copies of another: the poll's
     * one inbox statement lets only the new events through, each once, still in few transactions.
     */
    @Test
    void aBacklogWithAnAppliedEventAndADuplicateAppliesEachOnce() throws Exception {
        String key = "producer-" + UUID.randomUUID();
        EventEnvelope applied = envelope(key, Map.of("amount", "7.00"));
        send(key, EventJson.write(applied));
        awaitLedgerRows(applied.eventId(), 1);

        List<EventEnvelope> backlog = new java.util.ArrayList<>();
        consumer.stop();
        try {
            send(key, EventJson.write(applied)); // already in the inbox
            for (int i = 0; i < 10; i++) {
                EventEnvelope event = envelope(key, Map.of("amount", i + ".50"));
                backlog.add(event);
                send(key, EventJson.write(event));
            }
            send(key, EventJson.write(backlog.get(3))); // a second copy within the backlog
            EventEnvelope marker = envelope(key, Map.of("amount", "0.01"));
            backlog.add(marker);
            send(key, EventJson.write(marker)); // same key, so consumed after everything above
        } finally {
            consumer.start();
        }

        awaitLedgerRows(backlog.get(backlog.size() - 1).eventId(), 1);
        assertEquals(1, ledgerRows(applied.eventId()), "the redelivered event was not applied again");
        for (EventEnvelope event : backlog) {
            assertEquals(1, ledgerRows(event.eventId()), "applied once: " + event.eventId());
        }
        assertTrue(transactions(backlog) < backlog.size(), "a backlog of " + backlog.size() + " events took "
                + transactions(backlog) + " transactions");
    }

    /** A poison event in a backlog: the others are applied one by one, each once; the poison one dead-lettered. */
    @Test
    void aPoisonEventInABacklogDoesNotHoldBackTheOthers() throws Exception {
        String key = "producer-" + UUID.randomUUID(); // one partition, so the poll has them in this order
        EventEnvelope before = envelope(key, Map.of("amount", "4.00"));
        EventEnvelope poison = envelope(key, Map.of("poison", true));
        EventEnvelope after = envelope(key, Map.of("amount", "5.00"));
        consumer.stop();
        try {
            send(key, EventJson.write(before));
            send(key, EventJson.write(poison));
            send(key, EventJson.write(after));
        } finally {
            consumer.start();
        }

        awaitLedgerRows(after.eventId(), 1);
        assertEquals(1, ledgerRows(before.eventId()));
        assertEquals(0, ledgerRows(poison.eventId()));
        assertEquals("DEAD_LETTERED", inboxStatus(poison.eventId()));
        assertEquals("PROCESSED", inboxStatus(after.eventId()));
        deadLetterFor(poison.eventId().toString());
    }

    /**
     * Events of an idempotent type (LedgerHandler's BalanceStated) keep no inbox row, only their partition's
     * position: a backlog with a late copy of an earlier revision and one more event alone leave the balance at
     * the highest revision; a poison one is still dead-lettered with its inbox row, and the next event consumed.
     */
    @Test
    void idempotentEventsKeepNoInboxRowOnlyTheirPartitionsPosition() throws Exception {
        String account = "account-" + UUID.randomUUID(); // the key: one partition for all
        EventEnvelope first = balance(account, Map.of("revision", 1, "balance", "10.00"));
        EventEnvelope second = balance(account, Map.of("revision", 2, "balance", "20.00"));
        consumer.stop();
        try {
            send(account, EventJson.write(first));
            send(account, EventJson.write(second));
            send(account, EventJson.write(first)); // redelivered after a later revision
        } finally {
            consumer.start();
        }
        EventEnvelope third = balance(account, Map.of("revision", 3, "balance", "30.00"));
        RecordMetadata thirdAt = producer
                .send(new ProducerRecord<>(TOPIC, account, EventJson.write(third).getBytes(StandardCharsets.UTF_8)))
                .get();
        EventEnvelope poison = balance(account, Map.of("poison", true));
        send(account, EventJson.write(poison));
        EventEnvelope marker = envelope(account, Map.of("amount", "1.00"));
        send(account, EventJson.write(marker));

        awaitLedgerRows(marker.eventId(), 1);
        assertEquals(List.of("3", "30.00"), query("select revision, balance from test_balance where account = ?",
                account));
        for (EventEnvelope applied : List.of(first, second, third)) {
            assertEquals(null, inboxStatus(applied.eventId()), "no inbox row");
        }
        assertEquals("DEAD_LETTERED", inboxStatus(poison.eventId()));
        deadLetterFor(poison.eventId().toString());
        assertEquals(List.of(Long.toString(thirdAt.offset()), LedgerHandler.BALANCE_STATED),
                query("select kafka_offset, event_type from inbox_position where consumer = 'platform-test'"
                        + " and topic = '" + TOPIC + "' and kafka_partition = ?", thirdAt.partition()));
    }

    private List<String> query(String sql, Object parameter) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), sql);
                return List.of(rs.getString(1), rs.getString(2));
            }
        }
    }

    private static EventEnvelope balance(String account, Map<String, Object> payload) {
        return EventEnvelope.create(LedgerHandler.BALANCE_STATED, 1, "Account", account, UUID.randomUUID(),
                Instant.now(), EventJson.toTree(payload));
    }

    // Distinct transaction times among the events' inbox rows: now() is the transaction's start.
    private int transactions(List<EventEnvelope> events) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select count(distinct processed_at) from inbox_event where consumer = 'platform-test' and event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", events.stream().map(EventEnvelope::eventId).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void send(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(TOPIC, key, value.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static EventEnvelope envelope(String aggregateId, Map<String, Object> payload) {
        return EventEnvelope.create("LotRecorded", 1, "Lot", aggregateId, UUID.randomUUID(), Instant.now(),
                EventJson.toTree(payload));
    }

    private ConsumerRecord<String, byte[]> deadLetterFor(String eventId) {
        List<ConsumerRecord<String, byte[]>> all = TestTopics.readAll(DEAD_LETTERS);
        return all.stream().filter(r -> eventId.equals(EventHeaders.text(r.headers(), EventHeaders.EVENT_ID))
                || new String(r.value(), StandardCharsets.UTF_8).contains(eventId)).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " not on " + DEAD_LETTERS));
    }

    private void awaitLedgerRows(UUID eventId, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (ledgerRows(eventId) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("event " + eventId + " not applied within 30 s");
            }
            Thread.sleep(100);
        }
    }

    private int ledgerRows(UUID eventId) throws Exception {
        return Ledger.rows(dataSource, eventId);
    }

    private String inboxStatus(UUID eventId) throws Exception {
        return Ledger.inboxStatus(dataSource, eventId);
    }
}

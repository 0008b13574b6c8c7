package org.articula.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventHeaders;
import org.articula.platform.events.EventJson;
import org.articula.platform.kafka.KafkaClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "platform-test.events";

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    DataSource dataSource;
    @Inject
    KafkaClients kafka;

    @BeforeAll
    static void topic() throws Exception {
        TestTopics.create(TOPIC, 3);
    }

    @AfterEach
    void stopRelay() {
        relay.stop();
    }

    @Test
    void publishesExactlyOnceWhenTheRelayIsRestartedBetweenSendAndMark() throws Exception {
        EventEnvelope event = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementActivated"));

        List<UUID> sent = relay.sendWithoutMarking();
        assertEquals(List.of(event.eventId()), sent, "the first relay got the broker's acknowledgement");
        assertEquals(1, copiesOnTopic(event.eventId()), "on the topic, but the row is still in the outbox");
        assertTrue(inOutbox(event.eventId()));

        relay.stop(); // the process dies before deleting: leadership and the producer are gone
        relay.relayOnce(); // the restarted relay finds the row in doubt

        assertEquals(1, copiesOnTopic(event.eventId()), "found on the topic, not sent a second time");
        assertFalse(inOutbox(event.eventId()), "deleted once found on the topic");
    }

    @Test
    void aRowStampedButNeverSentIsSentOnceAfterRestart() throws Exception {
        EventEnvelope event = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementSuspended"));
        // The relay recorded the row in flight and died before the send reached the broker.
        execute("update outbox_relay set in_flight = array[(select seq from outbox_event where event_id = ?)], "
                + "attempted_at = now()", event.eventId());

        relay.relayOnce();

        assertEquals(1, copiesOnTopic(event.eventId()), "looked up, not found, sent");
        assertFalse(inOutbox(event.eventId()));
    }

    @Test
    void aRowInDoubtThatARoundDoesNotReachStaysInDoubt() throws Exception {
        EventEnvelope doubtful = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementActivated"));
        relay.sendWithoutMarking();
        relay.stop(); // on the topic, still in the outbox, recorded in flight
        // Rows committed later with lower seqs (their transactions started first) come before it.
        execute("update outbox_event set seq = seq + 1000 where event_id = ?", doubtful.eventId());
        execute("update outbox_relay set in_flight = array[(select seq from outbox_event where event_id = ?)]",
                doubtful.eventId());
        EventEnvelope first = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementActivated"));
        EventEnvelope second = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementActivated"));

        OutboxRelay oneAtATime = new OutboxRelay(dataSource, kafka, false, Duration.ofMillis(100), 1, "one-at-a-time");
        try {
            assertEquals(1, oneAtATime.relayOnce()); // a row before it, and must not forget the row in doubt
            oneAtATime.stop(); // a new leader reads what is in flight from the database
            while (oneAtATime.relayOnce() > 0) {
                // one row a round, up to the one in doubt and past it
            }
        } finally {
            oneAtATime.stop();
        }

        assertEquals(1, copiesOnTopic(first.eventId()));
        assertEquals(1, copiesOnTopic(second.eventId()));
        assertEquals(1, copiesOnTopic(doubtful.eventId()), "still looked up on the topic, not sent twice");
        assertFalse(inOutbox(doubtful.eventId()));
    }

    @Test
    void keepsOrderPerAggregateAndUsesTheAggregateIdAsKey() throws Exception {
        String aggregate = "agreement-" + UUID.randomUUID();
        EventEnvelope first = envelope(aggregate, "AgreementActivated");
        EventEnvelope second = envelope(aggregate, "AgreementAmended");
        EventEnvelope third = envelope(aggregate, "AgreementTerminated");
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(List.of(first, second, third)));

        relay.relayOnce();

        List<ConsumerRecord<String, byte[]>> records = TestTopics.readAll(TOPIC).stream()
                .filter(r -> aggregate.equals(r.key())).toList();
        assertEquals(List.of(first.eventId(), second.eventId(), third.eventId()),
                records.stream().map(r -> EventJson.read(r.value()).eventId()).toList());
        assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count());
        EventEnvelope read = EventJson.read(records.get(0).value());
        assertEquals(first, read, "the envelope survives the round trip unchanged");
        assertEquals("AgreementActivated", EventHeaders.text(records.get(0).headers(), EventHeaders.EVENT_TYPE));
    }

    @Test
    void aSecondInstanceDoesNotPublishWhileTheFirstLeadsAndTakesOverWhenItStops() throws Exception {
        OutboxRelay second = new OutboxRelay(dataSource, kafka, false, Duration.ofMillis(100), 500, "second-instance");
        try {
            relay.relayOnce(); // the first instance takes the lead
            EventEnvelope event = commit(envelope("agreement-" + UUID.randomUUID(), "AgreementActivated"));

            assertEquals(0, second.relayOnce(), "the second instance waits while the first leads");
            assertEquals(0, copiesOnTopic(event.eventId()));

            relay.stop();
            assertTrue(second.relayOnce() >= 1, "the second instance takes over");
            assertEquals(1, copiesOnTopic(event.eventId()));
        } finally {
            second.stop();
        }
    }

    @Test
    void nothingIsQueuedWhenTheBusinessTransactionRollsBack() throws Exception {
        EventEnvelope event = envelope("agreement-" + UUID.randomUUID(), "AgreementActivated");
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(event);
                throw new IllegalStateException("business change failed");
            });
        } catch (IllegalStateException expected) {
            // the caller's change failed, and so must its event
        }
        assertFalse(inOutbox(event.eventId()));
    }

    private EventEnvelope commit(EventEnvelope event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(event));
        return event;
    }

    private static EventEnvelope envelope(String aggregateId, String type) {
        JsonNode payload = EventJson.toTree(Map.of("agreementId", aggregateId, "basePrice", "1.0300"));
        return EventEnvelope.create(type, 1, "Agreement", aggregateId, UUID.randomUUID(),
                Instant.parse("2026-11-02T13:00:00Z"), payload);
    }

    private long copiesOnTopic(UUID eventId) {
        return TestTopics.readAll(TOPIC).stream()
                .filter(r -> eventId.toString().equals(EventHeaders.text(r.headers(), EventHeaders.EVENT_ID)))
                .count();
    }

    private boolean inOutbox(UUID eventId) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select 1 from outbox_event where event_id = ?")) {
            s.setObject(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private void execute(String sql, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }
}

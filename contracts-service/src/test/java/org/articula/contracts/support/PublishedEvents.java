package org.articula.contracts.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** What contracts-service published to its topic, read from the real broker. */
public final class PublishedEvents {

    private static final EventSchemas SCHEMAS = EventSchemas.forService("contracts-service");

    private PublishedEvents() {
    }

    /**
     * Waits for {@code expected} events keyed by the aggregate, then a second more so that a late
     * duplicate would be counted too; fails unless exactly that many arrived and each one validates
     * against its documented schema in api-specs/events.
     */
    public static List<EventEnvelope> await(String aggregateId, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (records(aggregateId).size() < expected && Instant.now().isBefore(deadline)) {
            pause(200);
        }
        pause(1000);
        List<ConsumerRecord<String, byte[]>> records = records(aggregateId);
        assertEquals(expected, records.size(), "events for " + aggregateId);
        records.forEach(r -> SCHEMAS.assertValid(r.value()));
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }

    private static List<ConsumerRecord<String, byte[]>> records(String aggregateId) {
        return TestTopics.readAll("contracts.events").stream().filter(r -> aggregateId.equals(r.key())).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

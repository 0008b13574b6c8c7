package org.articula.lots.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventJson;

/** What lots-service published to its topic, read from the real broker. */
public final class PublishedLotEvents {

    private static final EventSchemas SCHEMAS = EventSchemas.forService("lots-service");

    private PublishedLotEvents() {
    }

    /**
     * Waits for {@code expected} events of the lot, then a second more so a late duplicate would be
     * counted; fails unless exactly that many arrived, each valid against its documented schema.
     */
    public static List<ConsumerRecord<String, byte[]>> await(String lotId, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (records(lotId).size() < expected && Instant.now().isBefore(deadline)) {
            pause(200);
        }
        pause(1000);
        List<ConsumerRecord<String, byte[]>> records = records(lotId);
        assertEquals(expected, records.size(), "events for lot " + lotId);
        records.forEach(r -> SCHEMAS.assertValid(r.value()));
        return records;
    }

    // Lots are keyed by producer; the lot id is in the payload.
    private static List<ConsumerRecord<String, byte[]>> records(String lotId) {
        return TestTopics.readAll("lots.events").stream()
                .filter(r -> lotId.equals(EventJson.read(r.value()).aggregateId())).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

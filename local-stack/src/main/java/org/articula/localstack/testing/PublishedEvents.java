package org.articula.localstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * What a service published to its topic, read from the real broker: for tests that an event was
 * published once and with its documented schema.
 */
public final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final EventSchemas schemas;

    private PublishedEvents(String topic, String service) {
        this.topic = topic;
        this.schemas = EventSchemas.forService(service);
    }

    /** e.g. {@code PublishedEvents.of("lots.events", "lots-service")}. */
    public static PublishedEvents of(String topic, String service) {
        return new PublishedEvents(topic, service);
    }

    /**
     * Waits for {@code expected} events whose envelope's aggregateId is {@code aggregateId}, then a
     * second more so a late duplicate would be counted too; fails unless exactly that many arrived,
     * each valid against its schema in api-specs/events.
     */
    public List<ConsumerRecord<String, byte[]>> await(String aggregateId, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (records(aggregateId).size() < expected && Instant.now().isBefore(deadline)) {
            pause(200);
        }
        pause(1000);
        List<ConsumerRecord<String, byte[]>> records = records(aggregateId);
        if (records.size() != expected) {
            throw new AssertionError("expected " + expected + " events of " + aggregateId + " on " + topic + " but saw "
                    + records.size());
        }
        records.forEach(r -> schemas.assertValid(r.value()));
        return records;
    }

    private List<ConsumerRecord<String, byte[]>> records(String aggregateId) {
        return TestTopics.readAll(topic).stream().filter(r -> aggregateId.equals(aggregateIdOf(r.value()))).toList();
    }

    private static String aggregateIdOf(byte[] value) {
        try {
            return JSON.readTree(value).path("aggregateId").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package org.articula.localstack.testing.upstream;

import java.util.UUID;

/**
 * One event as its upstream publisher puts it on the wire: the topic, the Kafka key and the JSON of the
 * whole envelope, already checked against the publisher's documented schema (unless built unchecked).
 */
public record UpstreamEvent(String topic, String key, UUID eventId, String type, byte[] json) {
}

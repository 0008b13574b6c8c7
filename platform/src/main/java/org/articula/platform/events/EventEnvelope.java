package org.articula.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every Articula event travels in (see design.md, "Events").
 *
 * @param eventId        unique per event; consumers de-duplicate on it
 * @param type           e.g. {@code AgreementActivated}
 * @param schemaVersion  version of the payload schema for {@code type}
 * @param aggregateType  e.g. {@code Agreement}
 * @param aggregateId    the id whose events must stay in order; it is the Kafka key
 * @param occurredAt     when the business fact happened (UTC)
 * @param organisationId the tenant the event belongs to
 * @param payload        the event body, as JSON
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        Instant occurredAt,
        UUID organisationId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        requireText(type, "type");
        requireText(aggregateType, "aggregateType");
        requireText(aggregateId, "aggregateId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(organisationId, "organisationId");
        Objects.requireNonNull(payload, "payload");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("schemaVersion must be >= 1");
        }
    }

    /** A new event with a fresh id. */
    public static EventEnvelope create(String type, int schemaVersion, String aggregateType, String aggregateId,
            UUID organisationId, Instant occurredAt, JsonNode payload) {
        return new EventEnvelope(UUID.randomUUID(), type, schemaVersion, aggregateType, aggregateId, occurredAt,
                organisationId, payload);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

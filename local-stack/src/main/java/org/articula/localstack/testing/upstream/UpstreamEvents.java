package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;

/**
 * Named builders for the events lots-service and payments-service consume from their upstream
 * publishers, so a test feeds a service exactly what contracts-service and lots-service may send:
 * every event built is checked against its publisher's schema in {@code api-specs/events}.
 *
 * <pre>{@code
 * UpstreamEvents.publish(
 *         UpstreamEvents.producer().id(rosa).organisation(association).name("Rosa Quispe").registered(),
 *         UpstreamEvents.agreement().id(agreement).organisation(association).buyer(plant).individual(rosa)
 *                 .basePrice("1.20").activated(),
 *         UpstreamEvents.lot().organisation(association).producer(rosa).agreement(agreement).quantity("40")
 *                 .deliveredOn(day).recorded());
 * }</pre>
 *
 * <p>Defaults: milk in litres; an agreement from 2026-01-01 to 2026-12-31 at 1.03 a unit, paid 7 days after
 * the fortnight in up to 2 instalments; a lot of 40 L delivered on the morning of 2026-10-02, accepted.
 * Ids not given are random. Works on JSON only, like {@link EventSchemas}: no platform classes.
 */
public final class UpstreamEvents {

    /** When contracts-service's facts happened; later revisions a second later each. */
    static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    /** Who records agreements at contracts-service. */
    static final String CLERK = "Carmen Vásquez";

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // As platform's EventJson writes them: 1.0300 stays 1.0300.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    static final EventSchemas CONTRACTS = EventSchemas.forService("contracts-service");
    static final EventSchemas LOTS = EventSchemas.forService("lots-service");

    private UpstreamEvents() {
    }

    /** OrganisationRegistered of an organisation without parent (a buyer, an association). */
    public static OrganisationEvents organisation() {
        return new OrganisationEvents();
    }

    /** ProducerRegistered / ProducerUpdated. */
    public static ProducerEvents producer() {
        return new ProducerEvents();
    }

    /** The agreement events, each carrying the whole agreement. */
    public static AgreementEvents agreement() {
        return new AgreementEvents();
    }

    /** One clause version of an agreement, for {@link AgreementEvents#terms}. */
    public static Terms terms() {
        return new Terms();
    }

    /** AssistanceDelivered: technical assistance contracts-service recorded under an agreement. */
    public static AssistanceEvents assistanceDelivered() {
        return new AssistanceEvents();
    }

    /** CertificationRecorded: a producer's or an organisation's (group) certificate. */
    public static CertificationEvents certification() {
        return new CertificationEvents();
    }

    /** ParcelRegistered: a producer's plot as a GeoJSON Feature. */
    public static ParcelEvents parcel() {
        return new ParcelEvents();
    }

    /** A lot as lots-service publishes it, revision 1. */
    public static Lot lot() {
        return new Lot();
    }

    /**
     * DisputeDecided of a dispute of {@code lot}'s rejection, decided {@code outcome} (UPHELD or OVERTURNED) at its
     * deadline with no re-test, as lots-service publishes it on lots.events keyed by producer; checked against its
     * schema.
     */
    public static UpstreamEvent disputeDecided(UUID disputeId, Lot lot, String outcome) {
        Instant openedAt = Instant.now().minusSeconds(3600);
        ObjectNode payload = object();
        ObjectNode d = payload.putObject("dispute");
        d.put("id", disputeId.toString());
        d.put("organisationId", required(lot.organisationId(), "organisation").toString());
        d.put("lotId", lot.id().toString());
        d.put("lotRevision", lot.revision());
        d.put("centreId", lot.centreId().toString());
        d.put("producerId", required(lot.producerId(), "producer").toString());
        d.put("reason", "La muestra se tomó sin agitar el porongo");
        d.put("openedBy", "Productor");
        d.put("openedAt", openedAt.toString());
        d.put("deadline", openedAt.plusSeconds(48 * 3600).toString());
        d.put("untestedFavoursProducer", "OVERTURNED".equals(outcome));
        d.put("status", outcome);
        d.put("decision", "DEADLINE");
        d.put("decidedBy", "sistema");
        d.put("decidedAt", Instant.now().toString());
        d.putNull("retest");
        d.put("version", 1);
        return envelope("DisputeDecided", "Dispute", disputeId.toString(), lot.organisationId(), Instant.now(), payload,
                LOTS, "lots.events", lot.producerId().toString());
    }

    /** The DNI a producer's events carry: made up from its id. */
    public static String nationalId(UUID producerId) {
        return String.format("%08d", Math.floorMod(producerId.getLeastSignificantBits(), 100_000_000L));
    }

    /** Publishes the events in order, each to its publisher's topic with its publisher's key. */
    public static void publish(UpstreamEvent... events) {
        publish(List.of(events));
    }

    public static void publish(List<UpstreamEvent> events) {
        TestTopics.send(events.stream().map(e -> new TestTopics.Message(e.topic(), e.key(), e.json())).toList());
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Wraps a payload in the envelope platform's EventJson writes and checks it unless {@code schemas} is null. */
    static UpstreamEvent envelope(String type, String aggregateType, String aggregateId, UUID organisationId,
            Instant occurredAt, ObjectNode payload, EventSchemas schemas, String topic, String key) {
        UUID eventId = UUID.randomUUID();
        ObjectNode envelope = object();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", aggregateId);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("organisationId", organisationId.toString());
        envelope.set("payload", payload);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (schemas != null) {
            schemas.assertValid(json);
        }
        return new UpstreamEvent(topic, key, eventId, type, json);
    }

    /** A decimal field; null or empty text is a JSON null. */
    static void decimal(ObjectNode node, String field, String value) {
        if (value == null || value.isEmpty()) {
            node.putNull(field);
        } else {
            node.put(field, new BigDecimal(value));
        }
    }

    static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("say " + what + "(...) before building the event");
        }
        return value;
    }
}

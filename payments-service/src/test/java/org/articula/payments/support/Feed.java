package org.articula.payments.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * Plays contracts-service and lots-service: publishes organisation, producer, agreement and lot events to
 * contracts.events and lots.events on the real broker, each checked against its publisher's
 * documented schema first, so these tests feed payments-service exactly what the real publishers may
 * send.
 */
public final class Feed {

    /** The operator every lot is recorded by (lot.recordedBy). */
    public static final UUID OPERATOR = UUID.fromString("0f0e0d0c-0b0a-4909-8807-060504030201");
    /** The operator's name, the {@code by} of LotRecorded. */
    public static final String OPERATOR_NAME = "Rosa Quispe";

    private static final EventSchemas CONTRACTS = EventSchemas.forService("contracts-service");
    private static final EventSchemas LOTS = EventSchemas.forService("lots-service");
    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");
    private static final String CLERK = "Carmen Vásquez";
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private Feed() {
    }

    // ------------------------------------------------------------------ contracts-service

    /** OrganisationRegistered of an organisation without parent (a buyer, an association): its own tenant. */
    public static EventEnvelope organisation(UUID organisationId, String name, String kind) {
        ObjectNode o = EventJson.mapper().createObjectNode();
        o.put("organisationId", organisationId.toString());
        o.put("name", name);
        o.put("kind", kind);
        o.putNull("ruc");
        o.putNull("parentId");
        o.putNull("district");
        o.putNull("region");
        o.put("version", 0);
        return EventEnvelope.create("OrganisationRegistered", 1, "Organisation", organisationId.toString(),
                organisationId, AT, o);
    }

    public static EventEnvelope producer(UUID producerId, UUID organisationId, UUID groupId, String name, long version) {
        ObjectNode p = EventJson.mapper().createObjectNode();
        p.put("producerId", producerId.toString());
        p.put("organisationId", organisationId.toString());
        p.put("groupId", groupId == null ? null : groupId.toString());
        p.put("nationalIdType", "DNI");
        p.put("nationalId", String.format("%08d", Math.floorMod(producerId.getLeastSignificantBits(), 100_000_000L)));
        p.put("name", name);
        p.put("district", "Laredo");
        p.putNull("region");
        p.putNull("phone");
        p.put("version", version);
        return EventEnvelope.create(version == 0 ? "ProducerRegistered" : "ProducerUpdated", 1, "Producer",
                producerId.toString(), organisationId, AT.plusSeconds(version), p);
    }

    /** A price adjustment: amountPerUnit added when the reading of parameter lies in [from, to). */
    public record Adjustment(String parameter, String from, String to, String amountPerUnit) {
    }

    /** A volume tier: bonusPerUnit on every accepted unit of a fortnight reaching minQuantity. */
    public record Tier(String minQuantity, String bonusPerUnit) {
    }

    /**
     * The price, quantity and credit terms of one clause version. committedQuantity null means no
     * quantity clause (per, tolerancePercent and shortfallPenaltyPerUnit are then ignored). The quality
     * clause is derived: one optional NUMERIC parameter (unit %, min 0) per parameter the adjustments
     * name.
     */
    public record Terms(int number, LocalDate effectiveFrom, LocalDate effectiveTo, String basePrice,
            List<Adjustment> adjustments, List<Tier> tiers,
            String committedQuantity, String per, String tolerancePercent, String shortfallPenaltyPerUnit,
            int paymentTermDays, int maxInstalments) {

        /** Just a base price: no adjustments, tiers nor quantity; paid 7 days after the fortnight, 2 instalments. */
        public static Terms basic(int number, LocalDate effectiveFrom, LocalDate effectiveTo, String basePrice) {
            return new Terms(number, effectiveFrom, effectiveTo, basePrice, List.of(), List.of(),
                    null, null, null, null, 7, 2);
        }
    }

    /**
     * An agreement event carrying the whole agreement as contracts-service publishes it.
     *
     * <p>The transitions are derived from status and periodsInForce: the activation on start; for every
     * gap between two periods a suspension (the day after the first ends) and a reactivation (the day
     * the next starts); then, for status SUSPENDED, a suspension from the day after the last period;
     * for TERMINATED a termination (reasonCode BUYER_STOPPED) from the day after the last period; for
     * EXPIRED an expiry (by "sistema") from the day after end. change points at the last transition
     * (or, for AgreementAmended, at the last version).
     *
     * @param type AgreementActivated, AgreementAmended, AgreementSuspended, AgreementReactivated,
     *             AgreementTerminated or AgreementExpired
     */
    public static EventEnvelope agreement(String type, UUID agreementId, UUID organisationId, UUID buyerId,
            String counterpartyType, UUID counterpartyId, String product, String unit, LocalDate start, LocalDate end,
            String status, long revision, List<LocalDate[]> periodsInForce, List<Terms> versions) {
        Instant at = AT.plusSeconds(revision);
        ObjectNode a = EventJson.mapper().createObjectNode();
        a.put("id", agreementId.toString());
        a.put("organisationId", organisationId.toString());
        a.put("buyerId", buyerId.toString());
        a.putObject("counterparty").put("type", counterpartyType).put("id", counterpartyId.toString());
        a.put("product", product);
        a.put("unit", unit);
        a.put("startDate", start.toString());
        a.put("endDate", end.toString());
        a.put("status", status);
        a.put("version", revision);
        ArrayNode inForce = a.putArray("periodsInForce");
        periodsInForce.forEach(p -> inForce.addObject().put("from", p[0].toString()).put("to", p[1].toString()));
        ArrayNode vs = a.putArray("versions");
        for (Terms terms : versions) {
            vs.add(version(terms));
        }
        ArrayNode transitions = a.putArray("transitions");
        transitions(transitions, status, start, end, periodsInForce, at);
        a.put("createdAt", AT.minusSeconds(3600).toString());
        a.put("updatedAt", at.toString());

        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.set("agreement", a);
        ObjectNode change = payload.putObject("change");
        if (type.equals("AgreementAmended")) {
            Terms last = versions.get(versions.size() - 1);
            change.put("kind", "AMENDED").put("versionNumber", last.number())
                    .put("effectiveFrom", last.effectiveFrom().toString());
        } else {
            // An activation is always the first transition; any other change the last one.
            JsonNode last = transitions.get(type.equals("AgreementActivated") ? 0 : transitions.size() - 1);
            String kind = type.startsWith("Agreement") ? type.substring("Agreement".length()).toUpperCase() : type;
            change.put("kind", kind).put("transitionSeq", last.get("seq").asInt())
                    .put("effectiveOn", last.get("effectiveOn").asText());
        }
        return EventEnvelope.create(type, 1, "Agreement", agreementId.toString(), organisationId, at, payload);
    }

    private static ObjectNode version(Terms t) {
        ObjectNode version = EventJson.mapper().createObjectNode();
        version.put("number", t.number());
        version.put("effectiveFrom", t.effectiveFrom().toString());
        version.put("effectiveTo", t.effectiveTo().toString());
        ObjectNode clauses = version.putObject("clauses");

        ArrayNode parameters = clauses.putObject("quality").putArray("parameters");
        Set<String> codes = new LinkedHashSet<>();
        t.adjustments().forEach(adj -> codes.add(adj.parameter()));
        for (String code : codes) {
            parameters.addObject().put("code", code).put("name", code).put("kind", "NUMERIC").put("unit", "%")
                    .put("min", BigDecimal.ZERO).putNull("max").putNull("passValue").put("required", false);
        }

        if (t.committedQuantity() == null) {
            clauses.putNull("quantity");
        } else {
            ObjectNode quantity = clauses.putObject("quantity");
            quantity.put("committedQuantity", new BigDecimal(t.committedQuantity()));
            quantity.put("per", t.per() == null ? "DAY" : t.per());
            quantity.put("tolerancePercent", new BigDecimal(t.tolerancePercent() == null ? "0" : t.tolerancePercent()));
            decimal(quantity, "shortfallPenaltyPerUnit", t.shortfallPenaltyPerUnit());
        }

        ObjectNode price = clauses.putObject("price");
        price.put("currency", "PEN");
        price.put("basePrice", new BigDecimal(t.basePrice()));
        ArrayNode adjustments = price.putArray("qualityAdjustments");
        for (Adjustment adj : t.adjustments()) {
            ObjectNode node = adjustments.addObject().put("parameter", adj.parameter());
            decimal(node, "from", adj.from());
            decimal(node, "to", adj.to());
            node.put("amountPerUnit", new BigDecimal(adj.amountPerUnit()));
        }
        ArrayNode tiers = price.putArray("volumeTiers");
        for (Tier tier : t.tiers()) {
            tiers.addObject().put("minQuantity", new BigDecimal(tier.minQuantity()))
                    .put("bonusPerUnit", new BigDecimal(tier.bonusPerUnit()));
        }
        price.put("paymentFrequency", "FORTNIGHTLY");
        price.put("paymentTermDays", t.paymentTermDays());

        clauses.putObject("assistance").put("maxInstalments", t.maxInstalments()).putArray("services");
        version.put("reason", t.number() == 1 ? null : "adenda " + (t.number() - 1));
        version.put("recordedBy", CLERK);
        version.put("recordedAt", AT.minusSeconds(3600).plusSeconds(t.number()).toString());
        return version;
    }

    private static void transitions(ArrayNode transitions, String status, LocalDate start, LocalDate end,
            List<LocalDate[]> periods, Instant at) {
        transition(transitions, "DRAFT", "ACTIVE", start, null, CLERK, AT);
        for (int i = 1; i < periods.size(); i++) {
            transition(transitions, "ACTIVE", "SUSPENDED", periods.get(i - 1)[1].plusDays(1), null, CLERK, AT);
            transition(transitions, "SUSPENDED", "ACTIVE", periods.get(i)[0], null, CLERK, AT);
        }
        LocalDate afterLast = periods.isEmpty() ? start : periods.get(periods.size() - 1)[1].plusDays(1);
        switch (status) {
            case "SUSPENDED" -> transition(transitions, "ACTIVE", "SUSPENDED", afterLast, null, CLERK, at);
            case "TERMINATED" -> transition(transitions, "ACTIVE", "TERMINATED", afterLast, "BUYER_STOPPED", CLERK, at);
            case "EXPIRED" -> transition(transitions, "ACTIVE", "EXPIRED", end.plusDays(1), null, "sistema", at);
            default -> {
            }
        }
    }

    private static void transition(ArrayNode transitions, String from, String to, LocalDate effectiveOn,
            String reasonCode, String by, Instant at) {
        int seq = transitions.size() + 1;
        transitions.addObject().put("seq", seq).put("from", from).put("to", to)
                .put("effectiveOn", effectiveOn.toString()).put("reasonCode", reasonCode)
                .put("reason", reasonCode == null ? null : "fin anticipado").put("recordedBy", by)
                .put("recordedAt", at.toString());
    }

    // ------------------------------------------------------------------ lots-service

    /**
     * A lot as lots-service publishes it. readings: parameter code -> value (a decimal; "true"/"false"
     * is a test result). Each reason message becomes one rejection reason: its parameter is the first
     * reading code the message mentions (else the message's first word when it is a code, else
     * "quality"); with a reading it is BELOW_MIN with value = the reading and limit = the last number
     * in the message (else the reading), without one MISSING_READING.
     */
    public record LotState(UUID lotId, UUID organisationId, UUID centreId, UUID producerId, String product,
            String quantity, String unit, Instant deliveredAt, LocalDate deliveryDate, String shift, UUID agreementId,
            int agreementVersion, Map<String, String> readings, String verdict, List<String> reasonMessages,
            String status, int revision) {

        /** This lot after a correction: next revision, new quantity, readings and verdict. */
        public LotState corrected(String newQuantity, Map<String, String> newReadings, String newVerdict,
                List<String> newReasonMessages) {
            return new LotState(lotId, organisationId, centreId, producerId, product, newQuantity, unit, deliveredAt,
                    deliveryDate, shift, agreementId, agreementVersion, newReadings, newVerdict, newReasonMessages,
                    status, revision + 1);
        }

        /** This lot voided: next revision, status VOIDED, nothing else changed. */
        public LotState voided() {
            return new LotState(lotId, organisationId, centreId, producerId, product, quantity, unit, deliveredAt,
                    deliveryDate, shift, agreementId, agreementVersion, readings, verdict, reasonMessages,
                    "VOIDED", revision + 1);
        }
    }

    public static EventEnvelope lotRecorded(LotState lot) {
        return lotEvent("LotRecorded", lot, null, null, OPERATOR_NAME);
    }

    public static EventEnvelope lotCorrected(LotState before, LotState after, String reason, String by) {
        return lotEvent("LotCorrected", after, before, reason, by);
    }

    public static EventEnvelope lotVoided(LotState before, LotState after, String reason, String by) {
        return lotEvent("LotVoided", after, before, reason, by);
    }

    private static EventEnvelope lotEvent(String type, LotState lot, LotState previous, String reason, String by) {
        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.set("lot", lot(lot));
        payload.set("previous", previous == null ? payload.nullNode() : lot(previous));
        payload.put("reason", reason);
        payload.put("by", by);
        // Recorded when delivered; each later revision an hour after the one before.
        Instant occurredAt = lot.deliveredAt().plus(Duration.ofHours(lot.revision() - 1L));
        return EventEnvelope.create(type, 1, "Lot", lot.lotId().toString(), lot.organisationId(), occurredAt, payload);
    }

    private static ObjectNode lot(LotState l) {
        ObjectNode n = EventJson.mapper().createObjectNode();
        n.put("id", l.lotId().toString());
        n.put("organisationId", l.organisationId().toString());
        n.put("centreId", l.centreId().toString());
        n.put("producerId", l.producerId().toString());
        n.put("product", l.product());
        n.put("quantity", new BigDecimal(l.quantity()));
        n.put("unit", l.unit());
        n.put("deliveredAt", l.deliveredAt().toString());
        n.put("deliveryDate", l.deliveryDate().toString());
        n.put("shift", l.shift());
        n.put("agreementId", l.agreementId().toString());
        n.put("agreementVersion", l.agreementVersion());
        ArrayNode readings = n.putArray("readings");
        l.readings().forEach((parameter, value) -> {
            ObjectNode r = readings.addObject().put("parameter", parameter);
            if ("true".equals(value) || "false".equals(value)) {
                r.putNull("value").put("result", Boolean.parseBoolean(value));
            } else {
                r.put("value", new BigDecimal(value)).putNull("result");
            }
            r.putNull("instrument").putNull("sampleId").put("measuredAt", l.deliveredAt().toString());
        });
        n.put("verdict", l.verdict());
        ArrayNode reasons = n.putArray("reasons");
        for (String message : l.reasonMessages()) {
            reasons.add(reason(message, l.readings()));
        }
        n.put("status", l.status());
        n.put("revision", l.revision());
        n.put("recordedBy", OPERATOR.toString());
        n.put("recordedAt", l.deliveredAt().toString());
        n.put("version", l.revision() - 1);
        return n;
    }

    private static ObjectNode reason(String message, Map<String, String> readings) {
        ObjectNode r = EventJson.mapper().createObjectNode();
        String parameter = readings.keySet().stream()
                .filter(code -> CODE.matcher(code).matches() && message.contains(code)).findFirst().orElse(null);
        String reading = parameter == null ? null : readings.get(parameter);
        if (reading != null && NUMBER.matcher(reading).matches()) {
            String limit = reading;
            Matcher numbers = NUMBER.matcher(message);
            while (numbers.find()) {
                limit = numbers.group();
            }
            r.put("parameter", parameter).put("code", "BELOW_MIN").put("limit", new BigDecimal(limit))
                    .put("value", new BigDecimal(reading)).putNull("result");
        } else if (reading != null) {
            r.put("parameter", parameter).put("code", "FAILED_TEST").putNull("limit").putNull("value")
                    .put("result", Boolean.parseBoolean(reading));
        } else {
            String first = message.strip().split("\\s+", 2)[0];
            r.put("parameter", CODE.matcher(first).matches() ? first : "quality").put("code", "MISSING_READING")
                    .putNull("limit").putNull("value").putNull("result");
        }
        r.put("message", message);
        return r;
    }

    // ------------------------------------------------------------------ publishing

    /**
     * Publishes the events in order, each to its publisher's topic and keyed as its publisher keys it
     * (lots by producer id, the rest by aggregate id), after checking it against the documented schema.
     */
    public static void publish(EventEnvelope... events) {
        List<TestTopics.Message> messages = new ArrayList<>();
        for (EventEnvelope event : events) {
            messages.add(new TestTopics.Message(topic(event), key(event), validated(event)));
        }
        TestTopics.send(messages);
    }

    /**
     * Publishes events as an earlier version of their publisher could have sent them, outside today's schema
     * (e.g. a lot recorded before intake's limits of docs/decisions/0016), without checking them.
     */
    public static void publishUnchecked(EventEnvelope... events) {
        List<TestTopics.Message> messages = new ArrayList<>();
        for (EventEnvelope event : events) {
            messages.add(new TestTopics.Message(topic(event), key(event),
                    EventJson.write(event).getBytes(StandardCharsets.UTF_8)));
        }
        TestTopics.send(messages);
    }

    /** The event as it goes on the wire, after asserting it matches its publisher's documented schema. */
    static byte[] validated(EventEnvelope event) {
        byte[] json = EventJson.write(event).getBytes(StandardCharsets.UTF_8);
        (isLot(event) ? LOTS : CONTRACTS).assertValid(json);
        return json;
    }

    static String topic(EventEnvelope event) {
        return isLot(event) ? "lots.events" : "contracts.events";
    }

    static String key(EventEnvelope event) {
        return isLot(event) ? event.payload().path("lot").path("producerId").asText() : event.aggregateId();
    }

    private static boolean isLot(EventEnvelope event) {
        return "Lot".equals(event.aggregateType());
    }

    /** Waits until payments-service's read model shows what the test needs. */
    public static void await(String what, Supplier<Boolean> condition) {
        TestTopics.await("payments-service saw " + what, () -> QuarkusTransaction.requiringNew().call(condition::get));
    }

    /** Waits until payments-service knows the producer and the terms of an agreement of theirs: a charge needs both. */
    public static void awaitTermsOf(EntityManager em, UUID producer) {
        await("the producer and its agreement's terms", () -> ((Number) em.createNativeQuery("""
                select count(*) from producer_ref r where r.id = :id and exists (select 1 from agreement_ref a
                    join terms_version v on v.agreement_id = a.id where a.producer_id = r.id)""")
                .setParameter("id", producer).getSingleResult()).intValue() == 1);
    }

    private static void decimal(ObjectNode node, String field, String value) {
        if (value == null || value.isEmpty()) {
            node.putNull(field);
        } else {
            node.put(field, new BigDecimal(value));
        }
    }
}

package org.articula.lots.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * Plays contracts-service: publishes producer and agreement events to contracts.events on the real
 * broker, each checked against contracts-service's documented schema first, so these tests feed
 * lots-service exactly what the real publisher may send.
 */
public final class ContractsFeed {

    private static final EventSchemas CONTRACTS = EventSchemas.forService("contracts-service");
    private static final Instant AT = Instant.parse("2026-01-01T12:00:00Z");

    private ContractsFeed() {
    }

    /** A quality parameter as agreements state it. */
    public static Map<String, Object> numeric(String code, String unit, String min, String max) {
        return new java.util.LinkedHashMap<>(Map.of("code", code, "name", code, "kind", "NUMERIC", "unit", unit,
                "min", min == null ? "" : min, "max", max == null ? "" : max, "required", true));
    }

    public static Map<String, Object> test(String code, boolean passValue) {
        return new java.util.LinkedHashMap<>(Map.of("code", code, "name", code, "kind", "BOOLEAN", "passValue", passValue,
                "required", true));
    }

    public static EventEnvelope producer(UUID producerId, UUID organisationId, UUID groupId, String name, long version) {
        ObjectNode p = EventJson.mapper().createObjectNode();
        p.put("producerId", producerId.toString());
        p.put("organisationId", organisationId.toString());
        p.put("groupId", groupId == null ? null : groupId.toString());
        p.put("nationalIdType", "DNI");
        p.put("nationalId", nationalId(producerId));
        p.put("name", name);
        p.put("district", "Laredo");
        p.putNull("region");
        p.putNull("phone");
        p.put("version", version);
        return EventEnvelope.create(version == 0 ? "ProducerRegistered" : "ProducerUpdated", 1, "Producer",
                producerId.toString(), organisationId, AT, p);
    }

    /** The DNI a producer's events carry: made up from its id. */
    public static String nationalId(UUID producerId) {
        return String.format("%08d", Math.floorMod(producerId.getLeastSignificantBits(), 100_000_000L));
    }

    /** One clause version: its number, the days it governs and its quality parameters. */
    public record Version(int number, LocalDate from, LocalDate to, List<Map<String, Object>> quality) {
    }

    /**
     * An agreement event carrying the whole agreement: ACTIVE from {@code start} (with the given
     * periods in force) or, for kind AMENDED, the same with its new last version.
     */
    public static EventEnvelope agreement(String type, UUID agreementId, UUID organisationId, UUID buyerId,
            String counterpartyType, UUID counterpartyId, String product, String unit, LocalDate start, LocalDate end,
            String status, long revision, List<LocalDate[]> periods, List<Version> versions) {
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
        periods.forEach(p -> inForce.addObject().put("from", p[0].toString()).put("to", p[1].toString()));
        ArrayNode vs = a.putArray("versions");
        for (Version v : versions) {
            ObjectNode version = vs.addObject();
            version.put("number", v.number());
            version.put("effectiveFrom", v.from().toString());
            version.put("effectiveTo", v.to().toString());
            ObjectNode clauses = version.putObject("clauses");
            ArrayNode parameters = clauses.putObject("quality").putArray("parameters");
            for (Map<String, Object> q : v.quality()) {
                ObjectNode param = parameters.addObject();
                param.put("code", (String) q.get("code"));
                param.put("name", (String) q.get("name"));
                param.put("kind", (String) q.get("kind"));
                boolean numeric = "NUMERIC".equals(q.get("kind"));
                putDecimal(param, "min", numeric ? (String) q.get("min") : "");
                putDecimal(param, "max", numeric ? (String) q.get("max") : "");
                if (numeric) {
                    param.put("unit", (String) q.get("unit"));
                    param.putNull("passValue");
                } else {
                    param.putNull("unit");
                    param.put("passValue", (Boolean) q.get("passValue"));
                }
                param.put("required", (Boolean) q.get("required"));
            }
            clauses.putNull("quantity");
            ObjectNode price = clauses.putObject("price");
            price.put("currency", "PEN");
            price.put("basePrice", new BigDecimal("1.03"));
            price.putArray("qualityAdjustments");
            price.putArray("volumeTiers");
            price.put("paymentFrequency", "FORTNIGHTLY");
            price.put("paymentTermDays", 7);
            clauses.putObject("assistance").put("maxInstalments", 2).putArray("services");
            version.put("reason", v.number() == 1 ? null : "adenda");
            version.put("recordedBy", "Carmen Vásquez");
            version.put("recordedAt", AT.toString());
        }
        ArrayNode transitions = a.putArray("transitions");
        transitions.addObject().put("seq", 1).put("from", "DRAFT").put("to", "ACTIVE").put("effectiveOn", start.toString())
                .putNull("reasonCode").putNull("reason").put("recordedBy", "Carmen Vásquez").put("recordedAt", AT.toString());
        a.put("createdAt", AT.toString());
        a.put("updatedAt", AT.toString());
        ObjectNode payload = EventJson.mapper().createObjectNode();
        payload.set("agreement", a);
        ObjectNode change = payload.putObject("change");
        if (type.equals("AgreementAmended")) {
            Version last = versions.get(versions.size() - 1);
            change.put("kind", "AMENDED").put("versionNumber", last.number()).put("effectiveFrom", last.from().toString());
        } else {
            change.put("kind", "ACTIVATED").put("transitionSeq", 1).put("effectiveOn", start.toString());
        }
        return EventEnvelope.create(type, 1, "Agreement", agreementId.toString(), organisationId, AT, payload);
    }

    /** Publishes the events in order (each keyed as contracts-service keys it) after checking their schema. */
    public static void publish(EventEnvelope... events) {
        List<TestTopics.Message> messages = new java.util.ArrayList<>();
        for (EventEnvelope event : events) {
            byte[] json = EventJson.write(event).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            CONTRACTS.assertValid(json);
            messages.add(new TestTopics.Message("contracts.events", event.aggregateId(), json));
        }
        TestTopics.send(messages);
    }

    /** Waits until lots-service's read model shows what the test needs. */
    public static void await(String what, Supplier<Boolean> condition) {
        TestTopics.await("lots-service saw " + what, () -> QuarkusTransaction.requiringNew().call(condition::get));
    }

    private static void putDecimal(ObjectNode node, String field, String value) {
        if (value == null || value.isEmpty()) {
            node.putNull(field);
        } else {
            node.put(field, new BigDecimal(value));
        }
    }
}

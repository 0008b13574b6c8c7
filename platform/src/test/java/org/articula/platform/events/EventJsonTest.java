package org.articula.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventJsonTest {

    @Test
    void amountsTravelExactlyAsWrittenNeverInExponentForm() {
        EventEnvelope envelope = EventEnvelope.create("PriceSet", 1, "Agreement", "a-1", UUID.randomUUID(),
                Instant.parse("2026-11-22T15:00:00.123456Z"), EventJson.toTree(Map.of(
                        "basePrice", new BigDecimal("1.0300"), "committed", new BigDecimal("100"),
                        "tier", new BigDecimal("1E+3"))));
        String json = EventJson.write(envelope);

        assertTrue(json.contains("\"basePrice\":1.0300"), json);
        assertTrue(json.contains("\"committed\":100"), json);
        assertTrue(json.contains("\"tier\":1000"), json);
        EventEnvelope read = EventJson.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(new BigDecimal("1.0300"), read.payload().path("basePrice").decimalValue());
        assertEquals(envelope.occurredAt(), read.occurredAt());
    }

    /** A payload written straight from its object (the outbox's fast path) is the same JSON as through its tree. */
    record Reading(String parameter, BigDecimal value, Boolean result) {
    }

    record Delivered(UUID lotId, BigDecimal quantity, Instant deliveredAt, java.util.List<Reading> readings,
            String shift) {
    }

    @Test
    void aPayloadWrittenStraightFromItsObjectIsTheSameJsonAsThroughItsTree() {
        Delivered payload = new Delivered(UUID.randomUUID(), new BigDecimal("18.500"),
                Instant.parse("2026-11-22T10:15:30.123456Z"), java.util.List.of(
                        new Reading("solids", new BigDecimal("11.80"), null), new Reading("antibiotics", null, false)),
                null);
        UUID eventId = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        Instant at = Instant.parse("2026-11-22T15:00:00Z");

        String viaTree = EventJson.write(new EventEnvelope(eventId, "LotRecorded", 1, "Lot", "l-1", at, organisation,
                EventJson.toTree(payload)));
        String direct = EventJson.write(new EventEnvelope(eventId, "LotRecorded", 1, "Lot", "l-1", at, organisation,
                EventJson.forWriting(payload)));

        assertEquals(viaTree, direct);
        assertTrue(direct.contains("\"quantity\":18.500"), direct);
        assertTrue(direct.contains("\"shift\":null"), direct);
    }
}

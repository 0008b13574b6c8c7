package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The trout consignment must be accepted by lots-service on any day the launcher runs: every lot inside the trout
 * clause (or it is rejected and cannot be shipped), the losses leaving something to ship, and the dispatch and the
 * buyer's receipt in the past (lots-service refuses a future one).
 */
class SampleShipmentTest {

    private static final UUID CENTRE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID OPERATOR = UUID.fromString("00000000-0000-0000-0000-0000000000e1");
    private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final List<UUID> PRODUCERS = IntStream.rangeClosed(1, 7)
            .mapToObj(i -> SampleData.id("producer:trout:test:" + i)).toList();

    @Test
    @SuppressWarnings("unchecked")
    void everyLotsReadingsLieInsideTheTroutClauseSoEveryLotIsAccepted() {
        Map<String, Object> quality = (Map<String, Object>) SampleData.troutClauses(200).get("quality");
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) quality.get("parameters");
        for (LocalDate today = LocalDate.of(2026, 12, 1); today
                .isBefore(LocalDate.of(2027, 6, 1)); today = today.plusDays(5)) {
            List<Map<String, Object>> lots = lots(today);
            assertEquals(8, lots.size());
            for (Map<String, Object> lot : lots) {
                for (Map<String, Object> reading : (List<Map<String, Object>>) lot.get("readings")) {
                    Map<String, Object> clause = parameters.stream()
                            .filter(p -> p.get("code").equals(reading.get("parameter"))).findFirst().orElseThrow();
                    BigDecimal value = (BigDecimal) reading.get("value");
                    assertTrue(value.compareTo((BigDecimal) clause.get("min")) >= 0
                            && value.compareTo((BigDecimal) clause.get("max")) <= 0, reading + " outside " + clause);
                }
                assertEquals("kg", lot.get("unit"));
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theShipmentConservesQuantityAndItsDispatchAndReceiptAreInThePastOfAnyDay() {
        for (LocalDate today = LocalDate.of(2026, 12, 1); today
                .isBefore(LocalDate.of(2028, 1, 1)); today = today.plusDays(1)) {
            LocalDate start = SampleLots.lastCompleteFortnight(today)[0];
            List<Map<String, Object>> lots = lots(today);
            Map<String, Object> shipment = SampleShipment.shipment(start, CENTRE, BUYER, lots);
            Map<String, Object> result = SampleShipment.result(start, lots);
            BigDecimal kg = SampleShipment.sum(lots);
            BigDecimal loss = (BigDecimal) ((List<Map<String, Object>>) shipment.get("losses")).get(0)
                    .get("quantity");
            assertTrue(loss.signum() > 0 && loss.compareTo(kg.multiply(new BigDecimal("0.15"))) < 0,
                    loss + " of " + kg);
            Instant dispatched = Instant.parse((String) shipment.get("dispatchedAt"));
            Instant received = Instant.parse((String) result.get("receivedAt"));
            Instant startOfToday = today.atStartOfDay(SampleLots.LIMA).toInstant();
            assertTrue(received.isAfter(dispatched) && received.isBefore(startOfToday), today + ": " + received);
            for (Map<String, Object> lot : lots) {
                assertTrue(Instant.parse((String) lot.get("deliveredAt")).isBefore(dispatched));
            }
            assertEquals(lots.stream().map(l -> l.get("id")).toList(), shipment.get("lotIds"));
        }
    }

    @Test
    void aRestartInTheSameFortnightSendsTheSameBodiesAndAnotherFortnightNewIds() throws Exception {
        LocalDate today = LocalDate.of(2026, 12, 1);
        LocalDate start = SampleLots.lastCompleteFortnight(today)[0];
        String first = SampleApi.JSON.writeValueAsString(List.of(lots(today),
                SampleShipment.shipment(start, CENTRE, BUYER, lots(today)), SampleShipment.result(start, lots(today))));
        String again = SampleApi.JSON.writeValueAsString(List.of(lots(today.plusDays(10)),
                SampleShipment.shipment(start, CENTRE, BUYER, lots(today.plusDays(10))),
                SampleShipment.result(start, lots(today.plusDays(10)))));
        assertEquals(first, again);
        LocalDate next = today.plusDays(16);
        assertTrue(!SampleShipment.shipment(SampleLots.lastCompleteFortnight(next)[0], CENTRE, BUYER, lots(next))
                .get("shipmentId")
                .equals(SampleShipment.shipment(start, CENTRE, BUYER, lots(today)).get("shipmentId")));
    }

    private static List<Map<String, Object>> lots(LocalDate today) {
        return SampleShipment.lots(SampleLots.lastCompleteFortnight(today)[0], CENTRE, OPERATOR, PRODUCERS);
    }
}

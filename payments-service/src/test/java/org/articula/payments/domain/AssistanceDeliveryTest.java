package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A charged assistance delivery is one charge per producer with something to pay, under a stable id. */
class AssistanceDeliveryTest {

    static final UUID ROSA = UUID.randomUUID();
    static final UUID JULIO = UUID.randomUUID();
    static final Instant NOW = Instant.parse("2026-10-03T15:00:00Z");

    @Test
    void eachProducersPartIsAChargeOfItsKindInInstalmentsAsAnyOtherWithinTheCap() {
        AssistanceDelivery training = delivery("TRAINING", true, 3, "0.01", "0.00");

        List<Charge> charges = training.charges("sistema", NOW);

        assertEquals(1, charges.size(), "a part of 0.00 is no charge");
        Charge rosas = charges.get(0);
        assertEquals(AssistanceDelivery.chargeId(training.id(), ROSA), rosas.id);
        assertEquals(ChargeKind.TECHNICAL_ASSISTANCE, rosas.kind);
        assertEquals(new BigDecimal("0.01"), rosas.amount);
        assertEquals(Charge.DEFAULT_INSTALMENTS, rosas.instalments, "as a charge nobody asked instalments for");
        assertEquals(1, delivery("INSEMINATION", true, 1, "10.00", "10.00").charges("sistema", NOW).get(0).instalments);
        assertEquals(ChargeKind.INSEMINATION, delivery("INSEMINATION", true, 1, "10.00", "10.00")
                .charges("sistema", NOW).get(0).kind);
    }

    @Test
    void aFreeDeliveryIsNoCharge() {
        assertEquals(List.of(), delivery("TECHNICAL_VISITS", false, 2, "0.00", "0.00").charges("sistema", NOW));
    }

    @Test
    void theChargeIdDependsOnTheDeliveryAndTheProducerOnly() {
        UUID delivery = UUID.randomUUID();
        assertEquals(AssistanceDelivery.chargeId(delivery, ROSA), AssistanceDelivery.chargeId(delivery, ROSA));
        assertNotEquals(AssistanceDelivery.chargeId(delivery, ROSA), AssistanceDelivery.chargeId(delivery, JULIO));
        assertNotEquals(AssistanceDelivery.chargeId(delivery, ROSA),
                AssistanceDelivery.chargeId(UUID.randomUUID(), ROSA));
    }

    private static AssistanceDelivery delivery(String kind, boolean charged, int cap, String rosas, String julios) {
        return new AssistanceDelivery(UUID.randomUUID(), UUID.randomUUID(), kind, LocalDate.of(2026, 10, 3),
                "MV Jorge Salazar", null, charged, cap,
                List.of(new AssistanceDelivery.Share(ROSA, new BigDecimal(rosas)),
                        new AssistanceDelivery.Share(JULIO, new BigDecimal(julios))));
    }
}

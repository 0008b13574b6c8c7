package org.articula.lots.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The buyer's result on a shipment, as its report states it: the outcome, the discount when accepted with one,
 * the readings it took, when it received the shipment and a note.
 */
public record ShipmentResult(Outcome outcome, BigDecimal discountPercent, List<ShipmentReading> readings,
        Instant receivedAt, String note) {

    public enum Outcome {
        ACCEPTED,
        REJECTED,
        ACCEPTED_WITH_DISCOUNT;

        ShipmentStatus status() {
            return ShipmentStatus.valueOf(name());
        }
    }
}

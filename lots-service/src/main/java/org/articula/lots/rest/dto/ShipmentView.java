package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Loss;
import org.articula.lots.domain.ShipmentReading;
import org.articula.lots.domain.ShipmentResult;
import org.articula.lots.domain.ShipmentStatus;

/**
 * A shipment as it stands. shippedQuantity = lotsQuantity - lossesQuantity, in the lots' unit.
 *
 * @param organisationId the centre's organisation, which shipped it
 * @param buyerId        the destination organisation
 * @param result         the buyer's result, null while DISPATCHED
 * @param version        changes with every change
 */
public record ShipmentView(UUID shipmentId, UUID centreId, UUID organisationId, UUID buyerId, String reference,
        Instant dispatchedAt, String product, String unit, int lotCount,
        @Digits(integer = 11, fraction = 3) BigDecimal lotsQuantity,
        @Digits(integer = 11, fraction = 3) BigDecimal lossesQuantity,
        @Digits(integer = 11, fraction = 3) BigDecimal shippedQuantity, List<Loss> losses, String certification,
        ShipmentStatus status, ResultView result, long version) {

    /** The buyer's result: recordedBy is who recorded it in Articula (the buyer, or the centre transcribing). */
    public record ResultView(ShipmentResult.Outcome outcome,
            @Digits(integer = 2, fraction = 2) BigDecimal discountPercent,
            List<ShipmentReading> readings, Instant receivedAt, String note, String recordedBy) {
    }
}

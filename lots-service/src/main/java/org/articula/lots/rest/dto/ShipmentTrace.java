package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.LotStatus;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.RejectionReason;
import org.articula.lots.domain.Verdict;

/**
 * A shipment traced back to its lots and their producers, with the centre's own readings of each lot.
 *
 * @param lots      in the order they were pooled
 * @param producers largest share first
 */
public record ShipmentTrace(ShipmentView shipment, List<TracedLot> lots, List<ProducerShare> producers) {

    /**
     * A lot as it was pooled: revision, quantity, readings, verdict and reasons of that revision; status is the
     * lot's now (VOIDED if voided since); parcelId and flags are the lot's now (flags as in the lot's view:
     * e.g. CERTIFICATE_NOT_VALID, which a buyer checking a certified shipment wants to see).
     */
    public record TracedLot(UUID lotId, int revision, UUID producerId, String producerName, Instant deliveredAt,
            @Digits(integer = 9, fraction = 3) BigDecimal quantity, LotStatus status, Verdict verdict,
            List<Reading> readings, List<RejectionReason> reasons, UUID parcelId, List<LotFlag> flags) {
    }

    /** A producer's lots in the shipment; shareOfShipment is their quantity in percent of the lots' sum. */
    public record ProducerShare(UUID producerId, String producerName, int lotCount,
            @Digits(integer = 11, fraction = 3) BigDecimal quantity,
            @Digits(integer = 3, fraction = 2) BigDecimal shareOfShipment) {
    }
}

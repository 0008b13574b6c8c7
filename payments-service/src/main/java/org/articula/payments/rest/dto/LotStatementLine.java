package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a producer's statement says about a lot: one line of one settlement (the lot's own fortnight, or a later
 * one where a correction of it was adjusted), with the settlement's state and the producer's payout in it.
 *
 * @param revision         the lot's revision the line priced
 * @param settlementStatus OPEN (the line may still change when the fortnight is computed again) or CLOSED
 * @param kind             the statement's own line kind: LOT (accepted and priced), REJECTED (amount 0) or
 *                         ADJUSTMENT (the lot changed after its fortnight closed: amount is now minus what was
 *                         paid)
 * @param quantity         the lot's quantity, in unit
 * @param dueDate          when the producer's net of that settlement falls due
 * @param payoutStatus     PAID (paidOn set), UNPAID (closed, not paid yet) or NOT_CLOSED (the settlement is open)
 */
public record LotStatementLine(UUID lotId, Integer revision, UUID producerId, String producerName, UUID settlementId,
        LocalDate fortnightStart, LocalDate fortnightEnd, String settlementStatus, String kind, LocalDate deliveryDate,
        @Digits(integer = 16, fraction = 3) BigDecimal quantity, String unit,
        @Digits(integer = 8, fraction = 4) BigDecimal unitPrice, @Digits(integer = 16, fraction = 2) BigDecimal amount,
        LocalDate dueDate, String payoutStatus, LocalDate paidOn) {
}

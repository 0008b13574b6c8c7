package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A fortnight seen from the organisation: what members delivered against what buyers paid for, what
 * buyers paid against what members are owed, what was recovered and paid out, and the margin; with
 * every discrepancy beyond the tolerance flagged.
 */
public record Reconciliation(UUID organisationId, LocalDate periodStart, LocalDate periodEnd, String settlementStatus,
        @Digits(integer = 16, fraction = 2) BigDecimal tolerancePercent, List<BuyerLine> buyers, Totals totals,
        List<Discrepancy> discrepancies) {

    /**
     * Per buyer and product. shrinkage = collected - paid for; margin = received - gross owed to
     * producers for that buyer's agreements.
     */
    public record BuyerLine(UUID buyerId, String product, String unit,
            @Digits(integer = 16, fraction = 3) BigDecimal quantityCollected,
            @Digits(integer = 16, fraction = 3) BigDecimal quantityPaidFor,
            @Digits(integer = 16, fraction = 3) BigDecimal shrinkage,
            @Digits(integer = 16, fraction = 2) BigDecimal shrinkagePercent,
            @Digits(integer = 16, fraction = 2) BigDecimal amountReceived,
            @Digits(integer = 16, fraction = 2) BigDecimal grossOwed,
            @Digits(integer = 16, fraction = 2) BigDecimal margin) {
    }

    public record Totals(@Digits(integer = 16, fraction = 2) BigDecimal amountReceived,
            @Digits(integer = 16, fraction = 2) BigDecimal grossOwed,
            @Digits(integer = 16, fraction = 2) BigDecimal deductionsRecovered,
            @Digits(integer = 16, fraction = 2) BigDecimal netOwed,
            @Digits(integer = 16, fraction = 2) BigDecimal netPaid,
            @Digits(integer = 16, fraction = 2) BigDecimal margin) {
    }

    /** @param kind SHRINKAGE, PAID_BELOW_GROSS, NOT_PAID_BY_BUYER or PAYOUT_OVERDUE */
    public record Discrepancy(String kind, UUID buyerId, UUID producerId, String message) {
    }
}

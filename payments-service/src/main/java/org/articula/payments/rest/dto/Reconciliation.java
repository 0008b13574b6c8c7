package org.articula.payments.rest.dto;

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
        BigDecimal tolerancePercent, List<BuyerLine> buyers, Totals totals, List<Discrepancy> discrepancies) {

    /**
     * Per buyer and product. shrinkage = collected - paid for; margin = received - gross owed to
     * producers for that buyer's agreements.
     */
    public record BuyerLine(UUID buyerId, String product, String unit, BigDecimal quantityCollected,
            BigDecimal quantityPaidFor, BigDecimal shrinkage, BigDecimal shrinkagePercent, BigDecimal amountReceived,
            BigDecimal grossOwed, BigDecimal margin) {
    }

    public record Totals(BigDecimal amountReceived, BigDecimal grossOwed, BigDecimal deductionsRecovered,
            BigDecimal netOwed, BigDecimal netPaid, BigDecimal margin) {
    }

    /** @param kind SHRINKAGE, PAID_BELOW_GROSS, NOT_PAID_BY_BUYER or PAYOUT_OVERDUE */
    public record Discrepancy(String kind, UUID buyerId, UUID producerId, String message) {
    }
}

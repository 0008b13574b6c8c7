package org.articula.payments.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A producer's fortnight, line by line: every lot (accepted and priced, or rejected with reasons),
 * bonuses, penalties and adjustments, each instalment deducted with its charge and what remains,
 * and the totals.
 */
public record Statement(UUID settlementId, UUID producerId, String producerName, LocalDate periodStart,
        LocalDate periodEnd, String settlementStatus, List<Line> lines, List<Deduction> deductions,
        BigDecimal gross, BigDecimal totalDeductions, BigDecimal net, LocalDate dueDate, LocalDate paidOn,
        long daysLate) {

    /** @param kind LOT, REJECTED, VOLUME_BONUS, SHORTFALL_PENALTY or ADJUSTMENT */
    public record Line(String kind, UUID agreementId, UUID lotId, LocalDate deliveryDate, String shift,
            BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, JsonNode detail) {
    }

    /** @param remaining what of the instalment is still to recover after this fortnight */
    public record Deduction(UUID chargeId, String chargeKind, String description, LocalDate chargeDate, int instalment,
            BigDecimal due, BigDecimal applied, BigDecimal remaining) {
    }
}

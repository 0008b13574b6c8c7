package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One fortnight of a producer's: the settlement it belongs to, its totals and its payout.
 *
 * @param status   OPEN (figures may still change) or CLOSED
 * @param paidOn   when the producer was paid; null while unpaid
 * @param daysLate days the payout came after the due date (0 when on time or unpaid)
 */
public record ProducerStatementSummary(UUID settlementId, UUID producerId, LocalDate periodStart, LocalDate periodEnd,
        String status, @Digits(integer = 16, fraction = 2) BigDecimal gross,
        @Digits(integer = 16, fraction = 2) BigDecimal deductions, @Digits(integer = 16, fraction = 2) BigDecimal net,
        LocalDate dueDate, LocalDate paidOn, long daysLate) {
}

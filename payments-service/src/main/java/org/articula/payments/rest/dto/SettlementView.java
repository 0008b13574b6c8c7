package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Settlement;

/**
 * A settlement with each producer's totals, the run's counts, and the organisation's totals (sums of
 * the producers' rounded figures).
 *
 * @param waitingLots lots of the fortnight whose agreement terms have not arrived yet (not settled)
 * @param lastRunId   the latest computation, see /api/v1/settlements/runs/{id}
 */
public record SettlementView(UUID id, UUID organisationId, LocalDate periodStart, LocalDate periodEnd,
        Settlement.Status status, int runs, Instant computedAt, Instant closedAt, String closedBy, long version,
        int waitingLots, UUID lastRunId, @Digits(integer = 16, fraction = 2) BigDecimal gross,
        @Digits(integer = 16, fraction = 2) BigDecimal deductions, @Digits(integer = 16, fraction = 2) BigDecimal net,
        List<ProducerTotals> producers) {

    public record ProducerTotals(UUID producerId, @Digits(integer = 16, fraction = 2) BigDecimal gross,
            @Digits(integer = 16, fraction = 2) BigDecimal deductions,
            @Digits(integer = 16, fraction = 2) BigDecimal net, LocalDate dueDate, LocalDate paidOn, long daysLate) {
    }
}

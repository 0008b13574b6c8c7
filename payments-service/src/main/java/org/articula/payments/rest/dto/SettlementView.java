package org.articula.payments.rest.dto;

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
        int waitingLots, UUID lastRunId, BigDecimal gross, BigDecimal deductions, BigDecimal net, List<ProducerTotals> producers) {

    public record ProducerTotals(UUID producerId, BigDecimal gross, BigDecimal deductions, BigDecimal net,
            LocalDate dueDate, LocalDate paidOn, long daysLate) {
    }
}

package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement in a list: its fortnight, status, how many producers and lots it settles and its totals.
 *
 * @param lots     lots settled in the fortnight, accepted and rejected (not adjustments of earlier ones)
 * @param quantity their quantity, rejected lots included
 */
public record SettlementSummary(UUID id, UUID organisationId, LocalDate periodStart, LocalDate periodEnd, String status,
        int runs, Instant computedAt, Instant closedAt, int producers, int lots,
        @Digits(integer = 16, fraction = 3) BigDecimal quantity, @Digits(integer = 16, fraction = 2) BigDecimal gross,
        @Digits(integer = 16, fraction = 2) BigDecimal deductions, @Digits(integer = 16, fraction = 2) BigDecimal net) {
}

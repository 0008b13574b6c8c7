package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.AgreementStatus;
import org.articula.contracts.domain.Period;

/**
 * An agreement with its whole history: every clause version, every status change and the
 * resulting periods in force. Also the {@code agreement} of every agreement event.
 *
 * @param organisationId the organisation the covered producers belong to (it pays them)
 * @param version        increases with every change; a consumer keeps the highest it has seen
 */
public record AgreementView(UUID id, UUID organisationId, UUID buyerId, CounterpartyRef counterparty, String product,
        String unit, LocalDate startDate, LocalDate endDate, AgreementStatus status, long version,
        List<Period> periodsInForce, List<ClauseVersionView> versions, List<TransitionView> transitions,
        Instant createdAt, Instant updatedAt) {
}

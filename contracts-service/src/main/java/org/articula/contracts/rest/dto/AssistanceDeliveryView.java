package org.articula.contracts.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.AssistanceKind;
import org.articula.contracts.domain.ProducerShare;

/**
 * A recorded delivery of technical assistance; also the {@code delivery} of the AssistanceDelivered event.
 *
 * @param charged        whether the producers pay for it, as the clause version {@code clauseVersion} says
 * @param maxInstalments the most fortnightly instalments a charge of it is recovered in
 * @param wholeNetwork   given to the agreement's whole network rather than to named producers
 * @param producers      each producer served and the part of the cost charged to them (0.00 when free)
 */
public record AssistanceDeliveryView(UUID id, UUID agreementId, UUID organisationId, UUID buyerId,
        AssistanceKind kind, LocalDate deliveredOn, String deliveredBy, String description, BigDecimal cost,
        boolean charged, int clauseVersion, int maxInstalments, boolean wholeNetwork, List<ProducerShare> producers,
        String recordedBy, Instant recordedAt) {
}

package org.articula.contracts.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

/** The agreement and clause version that govern a producer's deliveries of a product on a day. */
public record ApplicableAgreement(UUID agreementId, UUID organisationId, UUID buyerId, CounterpartyRef counterparty,
        String product, String unit, LocalDate date, ClauseVersionView version) {
}

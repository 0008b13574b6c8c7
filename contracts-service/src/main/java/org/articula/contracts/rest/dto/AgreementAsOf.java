package org.articula.contracts.rest.dto;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An agreement as it stood on a day: whether it bound the parties then and which clause version
 * governed that day (absent outside validity).
 */
public record AgreementAsOf(UUID agreementId, LocalDate date, boolean inForce, ClauseVersionView version) {
}

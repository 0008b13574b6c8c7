package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.articula.contracts.domain.TerminationReason;

/**
 * Ends an agreement before its validity does.
 *
 * @param effectiveOn first day it no longer binds; today (Lima) when absent
 */
public record Termination(
        @NotNull TerminationReason reasonCode,
        @Size(max = 500) String reason,
        LocalDate effectiveOn) {
}

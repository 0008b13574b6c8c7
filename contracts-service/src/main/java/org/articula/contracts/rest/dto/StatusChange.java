package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Activate, suspend or reactivate.
 *
 * @param effectiveOn the business day the change counts from; today (Lima) when absent. Ignored on
 *                    activation, which binds from the agreement's start date.
 */
public record StatusChange(
        LocalDate effectiveOn,
        @Size(max = 500) String reason) {
}

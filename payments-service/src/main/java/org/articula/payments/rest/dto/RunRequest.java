package org.articula.payments.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** @param fortnightStart the 1st or the 16th of a month */
public record RunRequest(@NotNull UUID organisationId, @NotNull LocalDate fortnightStart) {
}

package org.articula.payments.rest.dto;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param fortnightStart the 1st or the 16th of a month
 * @param runId          optional, chosen by the client so it can follow the run and repeat the request
 *                       safely: a run with this id already started is answered, never started again
 */
public record RunRequest(@NotNull UUID organisationId, @NotNull LocalDate fortnightStart, UUID runId) {
}

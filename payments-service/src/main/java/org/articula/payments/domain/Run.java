package org.articula.payments.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A settlement run as a client follows it (kept in the run log; named Run in the OpenAPI document).
 *
 * @param status RUNNING, then DONE (settlementId set, stepsDone = stepsTotal) or FAILED
 * @param step   the last step finished
 * @param reason why a FAILED run failed, in Spanish, naming the lot or producer when known
 * @param error  for support: the code an unexpected failure was logged under
 */
public record Run(UUID id, UUID organisationId, LocalDate periodStart, UUID settlementId, String status, String step,
        int stepsDone, int stepsTotal, Integer lotLines, Integer producers, String durationsMs, String reason,
        String error, String requestedBy, Instant startedAt, Instant finishedAt) {
}

package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.articula.contracts.domain.Clauses;

/** One clause version and the days it governs: [effectiveFrom, effectiveTo], both inclusive. */
public record ClauseVersionView(int number, LocalDate effectiveFrom, LocalDate effectiveTo, Clauses clauses,
        String reason, String recordedBy, Instant recordedAt) {
}

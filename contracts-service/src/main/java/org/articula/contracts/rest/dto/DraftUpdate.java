package org.articula.contracts.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import org.articula.contracts.domain.Clauses;

/** New dates and clauses for an agreement still in DRAFT; {@code version} is the one read. */
public record DraftUpdate(
        @NotNull Long version,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Valid Clauses clauses) {
}

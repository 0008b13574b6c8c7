package org.articula.contracts.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.contracts.domain.Clauses;

/**
 * A new clause version of a signed agreement ("adenda"), in force from {@code effectiveFrom}.
 *
 * @param id      chosen by the client; the same amendment sent twice is stored once
 * @param version the agreement's version as read, so two people amending at once cannot overwrite each other
 * @param clauses the complete new clauses, not a difference
 */
public record AmendmentRequest(
        @NotNull UUID id,
        @NotNull Long version,
        @NotNull LocalDate effectiveFrom,
        @NotNull @Valid Clauses clauses,
        @NotBlank @Size(max = 500) String reason) {
}

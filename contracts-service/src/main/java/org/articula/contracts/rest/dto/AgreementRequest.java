package org.articula.contracts.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.contracts.domain.Clauses;

/**
 * A new agreement, stored as a DRAFT with its clauses as version 1.
 *
 * @param id      chosen by the client, so a retry never creates a second agreement
 * @param unit    defaults to the product's unit
 * @param endDate last day of validity, inclusive (who records it is the token's user)
 */
public record AgreementRequest(
        @NotNull UUID id,
        @NotNull UUID buyerId,
        @NotNull @Valid CounterpartyRef counterparty,
        @NotBlank @Size(max = 40) String product,
        @Pattern(regexp = "L|kg|t|unit", message = "una de: L, kg, t, unit") String unit,
        @NotNull LocalDate startDate,
        @NotNull LocalDate endDate,
        @NotNull @Valid Clauses clauses) {
}

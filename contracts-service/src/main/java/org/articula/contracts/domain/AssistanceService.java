package org.articula.contracts.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One thing the buyer provides. When {@code chargedToProducer}, its cost is recovered from the
 * producer's fortnightly payments; otherwise it is free.
 */
public record AssistanceService(
        @NotNull AssistanceKind kind,
        @Size(max = 200) String description,
        @Min(1) @Max(31) Integer visitsPerMonth,
        boolean chargedToProducer) {
}

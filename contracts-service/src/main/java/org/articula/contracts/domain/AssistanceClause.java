package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Technical assistance and input credit: what the buyer provides, which of it is charged, and in
 * how many fortnightly instalments at most a charge is recovered ("hasta en dos armadas").
 */
public record AssistanceClause(
        @Size(max = 20) List<@NotNull @Valid AssistanceService> services,
        @Min(1) @Max(12) Integer maxInstalments) {

    public static final int DEFAULT_MAX_INSTALMENTS = 2;
    static final AssistanceClause NONE = new AssistanceClause(List.of(), DEFAULT_MAX_INSTALMENTS);

    AssistanceClause withDefaults() {
        return new AssistanceClause(services == null ? List.of() : services,
                maxInstalments == null ? DEFAULT_MAX_INSTALMENTS : maxInstalments);
    }
}

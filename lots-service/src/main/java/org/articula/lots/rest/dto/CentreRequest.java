package org.articula.lots.rest.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;

/** @param organisationId the organisation that runs the centre (a buyer, cooperative or association) */
public record CentreRequest(
        @NotNull UUID id,
        @NotNull UUID organisationId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String district,
        @Size(max = 100) String region,
        @DecimalMin("-90") @DecimalMax("90") @Digits(integer = 2, fraction = 6) BigDecimal latitude,
        @DecimalMin("-180") @DecimalMax("180") @Digits(integer = 3, fraction = 6) BigDecimal longitude) {
}

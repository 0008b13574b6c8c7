package org.articula.payments.rest.dto;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.domain.ChargeKind;

/**
 * @param instalments 1 to the maximum of the producer's agreement (default 2 when absent)
 */
public record ChargeRequest(
        @NotNull UUID id,
        @NotNull UUID organisationId,
        @NotNull UUID producerId,
        @NotNull ChargeKind kind,
        @NotBlank @Size(max = 200) String description,
        @NotNull @DecimalMin(value = "0.01", message = "debe ser al menos 0.01") @Digits(integer = 10,
                fraction = 2) BigDecimal amount,
        @NotNull LocalDate chargeDate,
        @Min(1) @Max(12) Integer instalments) {
}

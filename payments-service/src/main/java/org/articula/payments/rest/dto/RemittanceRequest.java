package org.articula.payments.rest.dto;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** @param fortnightStart the fortnight the payment is for (1st or 16th) */
public record RemittanceRequest(
        @NotNull UUID id,
        @NotNull UUID organisationId,
        @NotNull UUID buyerId,
        @NotNull LocalDate fortnightStart,
        @NotBlank @Size(max = 40) String product,
        @NotNull @DecimalMin("0") @Digits(integer = 11, fraction = 3) BigDecimal quantityPaid,
        @NotNull @Pattern(regexp = "L|kg|t|unit", message = "una de: L, kg, t, unit") String unit,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotNull LocalDate receivedOn,
        @Size(max = 100) String reference) {
}

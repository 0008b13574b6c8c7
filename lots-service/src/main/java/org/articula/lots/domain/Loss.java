package org.articula.lots.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A quantity lost between the lots' receipt and the shipment's dispatch (spilt, evaporated, trimmed), with why:
 * the shipment carries the lots' sum less its losses.
 */
public record Loss(
        @NotNull @DecimalMin("0") @Digits(integer = 9, fraction = 3) BigDecimal quantity,
        @NotBlank @Size(max = 200) String reason) {
}

package org.articula.contracts.domain;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** A fortnight reaching {@code minQuantity} accepted units earns {@code bonusPerUnit} on all of them. */
public record VolumeTier(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 10,
                fraction = 3) BigDecimal minQuantity,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 4) BigDecimal bonusPerUnit) {
}

package org.articula.lots.domain;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** One reading the buyer took on the shipment, named as the lots' quality parameters are (e.g. total_solids). */
public record ShipmentReading(
        @NotBlank @Size(max = 40) String parameter,
        @NotNull @Digits(integer = 8, fraction = 4) BigDecimal value) {
}

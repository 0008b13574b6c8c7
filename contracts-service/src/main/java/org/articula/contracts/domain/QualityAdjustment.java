package org.articula.contracts.domain;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * An amount per unit added to the base price when a lot's reading of {@code parameter} lies in
 * [from, to). A missing bound is open; a negative amount is a discount.
 * E.g. milk: total_solids from 12 (no upper bound), +0.05 per litre.
 */
public record QualityAdjustment(
        @NotNull String parameter,
        @Digits(integer = 8, fraction = 4) BigDecimal from,
        @Digits(integer = 8, fraction = 4) BigDecimal to,
        @NotNull @Digits(integer = 6, fraction = 4) BigDecimal amountPerUnit) {
}

package org.articula.contracts.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * The committed volume, e.g. 500 L a day with 10 % tolerance. A shortfall below
 * commitment x (1 - tolerance) may be charged per missing unit.
 *
 * @param committedQuantity       at most 9,999,999.999, so that a fortnight's penalty is an amount a settlement
 *                                stores (docs/decisions/0016)
 * @param shortfallPenaltyPerUnit absent when shortfalls are not sanctioned
 */
public record QuantityClause(
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 7,
                fraction = 3) BigDecimal committedQuantity,
        @NotNull CommitmentPeriod per,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal tolerancePercent,
        @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 4) BigDecimal shortfallPenaltyPerUnit) {
}

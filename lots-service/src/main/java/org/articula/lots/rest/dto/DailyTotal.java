package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One day's deliveries of a product (voided lots left out).
 *
 * @param quantity         everything delivered, accepted or not (3 decimals)
 * @param acceptedQuantity what was accepted (3 decimals)
 */
public record DailyTotal(LocalDate date, String product, String unit, long lots, long rejected,
        @Digits(integer = 16, fraction = 3) BigDecimal quantity,
        @Digits(integer = 16, fraction = 3) BigDecimal acceptedQuantity) {
}

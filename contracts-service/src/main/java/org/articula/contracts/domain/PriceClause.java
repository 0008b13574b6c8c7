package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a unit is paid: the base price plus every quality adjustment whose range holds the lot's
 * reading, plus the bonus of the highest volume tier the fortnight reaches.
 *
 * @param currency        ISO 4217, PEN unless the agreement says otherwise
 * @param basePrice       per unit, up to 4 decimals
 * @param paymentTermDays days after the fortnight's end the payment is due
 */
public record PriceClause(
        @Pattern(regexp = "[A-Z]{3}", message = "código ISO 4217 de 3 letras, p. ej. PEN") String currency,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 4) BigDecimal basePrice,
        @Size(max = 30) List<@NotNull @Valid QualityAdjustment> qualityAdjustments,
        @Size(max = 10) List<@NotNull @Valid VolumeTier> volumeTiers,
        PaymentFrequency paymentFrequency,
        @NotNull @Min(0) @Max(120) Integer paymentTermDays) {

    public static final String DEFAULT_CURRENCY = "PEN";

    PriceClause withDefaults() {
        return new PriceClause(currency == null ? DEFAULT_CURRENCY : currency, basePrice,
                qualityAdjustments == null ? List.of() : qualityAdjustments,
                volumeTiers == null ? List.of() : volumeTiers,
                paymentFrequency == null ? PaymentFrequency.FORTNIGHTLY : paymentFrequency, paymentTermDays);
    }
}

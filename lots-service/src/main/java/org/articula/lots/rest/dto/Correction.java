package org.articula.lots.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Reading;

/**
 * A corrected quantity and/or the complete corrected readings, with why (who: the token's user). The lot is judged
 * again by the clause version it was first judged by.
 *
 * @param version  the lot's version as read
 * @param quantity at most 999,999.999, as a lot's (docs/decisions/0016)
 * @param parcelId the parcel of the lot's producer and product it was harvested from; unchanged when omitted
 */
public record Correction(
        @NotNull Long version,
        @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 3) BigDecimal quantity,
        @Size(max = 30) List<@NotNull @Valid Reading> readings,
        UUID parcelId,
        @NotBlank @Size(max = 500) String reason) {
}

package org.articula.lots.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.Shift;

/**
 * One delivery as the collection centre's device records it.
 *
 * @param id          generated on the device, so a retry on a poor connection never records it twice
 * @param operatorId  who recorded it, an operator of the centre
 * @param deliveredAt when it was delivered; its date in America/Lima picks the agreement version
 * @param quantity    at most 999,999.999: priced at the largest unit price an agreement allows, its amount is
 *                    still one a settlement stores (docs/decisions/0016)
 * @param shift       milking shift, for milk
 * @param parcelId    the producer's parcel (of the lot's product) it was harvested from, for the EUDR due
 *                    diligence of cacao and coffee; optional
 */
public record LotRequest(
        @NotNull UUID id,
        @NotNull UUID centreId,
        @NotNull UUID operatorId,
        @NotNull UUID producerId,
        @NotBlank @Size(max = 40) String product,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 3) BigDecimal quantity,
        @NotNull @Pattern(regexp = "L|kg|t|unit", message = "una de: L, kg, t, unit") String unit,
        @NotNull Instant deliveredAt,
        Shift shift,
        @NotNull @Size(max = 30) List<@NotNull @Valid Reading> readings,
        UUID parcelId) {
}

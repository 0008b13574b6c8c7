package org.articula.lots.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.articula.lots.domain.ShipmentReading;
import org.articula.lots.domain.ShipmentResult;

/**
 * The buyer's result on a shipment, as its report states it.
 *
 * @param discountPercent only with ACCEPTED_WITH_DISCOUNT, and then required: more than 0, less than 100
 * @param readings        the buyer's readings, named as the lots' quality parameters; none when omitted
 * @param receivedAt      when the buyer received it: not before its dispatch nor in the future
 */
public record ShipmentResultRequest(
        @NotNull ShipmentResult.Outcome outcome,
        @Digits(integer = 2, fraction = 2) BigDecimal discountPercent,
        @Size(max = 30) List<@NotNull @Valid ShipmentReading> readings,
        @NotNull Instant receivedAt,
        @Size(max = 500) String note) {
}

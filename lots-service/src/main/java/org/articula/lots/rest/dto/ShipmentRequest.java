package org.articula.lots.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Loss;

/**
 * Pools accepted lots of one centre and product into a shipment for a buyer.
 *
 * @param shipmentId    the client's id for the shipment: the same request again answers what it created
 * @param buyerId       the destination organisation (the processor, the exporter): it sees the shipment
 * @param reference     how the shipment is known, e.g. "Cisterna C4X-812"
 * @param lotIds        the lots, without repeats, in the order they are to be listed
 * @param losses        quantities lost before dispatch, each with its reason; none when omitted
 * @param certification the scheme the shipment is declared certified under (e.g. ORGANIC), or omitted
 */
public record ShipmentRequest(
        @NotNull UUID shipmentId,
        @NotNull UUID centreId,
        @NotNull UUID buyerId,
        @NotBlank @Size(max = 80) String reference,
        @NotNull Instant dispatchedAt,
        @NotNull @Size(min = 1, max = 2000) List<@NotNull UUID> lotIds,
        @Size(max = 50) List<@NotNull @Valid Loss> losses,
        @Size(max = 40) @Pattern(regexp = "[A-Z][A-Z0-9_]*",
                message = "en mayúsculas, p. ej. ORGANIC") String certification) {
}

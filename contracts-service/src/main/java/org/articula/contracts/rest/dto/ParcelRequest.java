package org.articula.contracts.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.UUID;
import org.articula.contracts.domain.ParcelGeometry;

/**
 * A producer's plot of cacao or coffee for the EU deforestation regulation.
 *
 * @param parcelId                   chosen by the client; the same plot sent twice is stored once
 * @param product                    cacao or coffee
 * @param declaredAreaHectares       the area the producer declares, in ha (up to 4 decimals)
 * @param geometry                   GeoJSON Point (a plot of up to 4 ha) or Polygon, WGS84
 * @param deforestationFreeSince2020 the producer's declaration that nothing was deforested on the plot after
 *                                   31 Dec 2020 (the EU cut-off day); must be true
 */
public record ParcelRequest(
        @NotNull UUID parcelId,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 40) String product,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 4) BigDecimal declaredAreaHectares,
        @NotNull @Valid Geometry geometry,
        @NotNull Boolean deforestationFreeSince2020) {

    /**
     * A GeoJSON geometry. {@code coordinates} is [longitude, latitude] for a Point and a list of rings (the outer one
     * first, then holes), each a closed list of [longitude, latitude], for a Polygon; every number with at least 6
     * decimals as written (-72.700000 counts, -72.7 does not).
     */
    public record Geometry(
            @NotNull ParcelGeometry.Type type,
            @NotNull Coordinates coordinates) {
    }
}

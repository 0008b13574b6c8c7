package org.articula.contracts.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.contracts.domain.ParcelGeometry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A parcel as a GeoJSON Feature: its geometry as registered and what is known of it as properties. */
public record ParcelFeature(
        @Schema(enumeration = "Feature") String type,
        UUID id,
        Geometry geometry,
        Properties properties) {

    /** The geometry as registered, its numbers as written. */
    public record Geometry(
            ParcelGeometry.Type type,
            Coordinates coordinates) {
    }

    /**
     * @param computedAreaHectares        measured on the WGS84 ellipsoid for a polygon; null for a point
     * @param deforestationFreeSince2020  the producer's declaration (always true: nothing else is registered)
     * @param deforestationCutOffDate     the EU cut-off day the declaration refers to, 2020-12-31
     */
    public record Properties(
            UUID parcelId,
            UUID producerId,
            UUID organisationId,
            String name,
            String product,
            BigDecimal declaredAreaHectares,
            BigDecimal computedAreaHectares,
            boolean deforestationFreeSince2020,
            LocalDate deforestationCutOffDate,
            String registeredBy,
            Instant registeredAt) {
    }
}

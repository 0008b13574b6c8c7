package org.articula.contracts.rest.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A producer's parcels as a GeoJSON FeatureCollection (application/geo+json). */
public record ParcelCollection(@Schema(enumeration = "FeatureCollection") String type,
        List<ParcelFeature> features) {

    public static ParcelCollection of(List<ParcelFeature> features) {
        return new ParcelCollection("FeatureCollection", features);
    }
}

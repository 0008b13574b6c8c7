package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds contracts-service's ParcelRegistered, a GeoJSON Feature: by default a cacao plot of 2.5 ha in Satipo
 * (Junín) as a Point, declared deforestation-free since the 2020-12-31 cut-off. Coordinates are given as text so
 * their decimals stay as written.
 */
public final class ParcelEvents {

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID producer;
    private String name = "Parcela El Naranjal";
    private String product = "cacao";
    private String declaredArea = "2.5";
    private String computedArea;
    private List<String[]> ring;
    private String[] point = { "-74.638100", "-11.254300" };

    ParcelEvents() {
    }

    public ParcelEvents id(UUID id) {
        this.id = id;
        return this;
    }

    /** The producer's organisation. */
    public ParcelEvents organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    public ParcelEvents producer(UUID producer) {
        this.producer = producer;
        return this;
    }

    public ParcelEvents name(String name) {
        this.name = name;
        return this;
    }

    /** cacao or coffee. */
    public ParcelEvents product(String product) {
        this.product = product;
        return this;
    }

    /** A Point (longitude, latitude, each with at least 6 decimals) for a plot of up to 4 ha. */
    public ParcelEvents point(String longitude, String latitude, String declaredHectares) {
        this.point = new String[] { longitude, latitude };
        this.ring = null;
        this.declaredArea = declaredHectares;
        this.computedArea = null;
        return this;
    }

    /**
     * A Polygon of one closed ring, positions as "longitude latitude" (the last repeating the first), with its
     * declared area and the area contracts-service measured.
     */
    public ParcelEvents polygon(String declaredHectares, String computedHectares, String... positions) {
        this.ring = new ArrayList<>();
        for (String position : positions) {
            ring.add(position.trim().split("\\s+"));
        }
        this.point = null;
        this.declaredArea = declaredHectares;
        this.computedArea = computedHectares;
        return this;
    }

    public UpstreamEvent registered() {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        UUID owner = UpstreamEvents.required(producer, "producer");
        ObjectNode payload = UpstreamEvents.object();
        ObjectNode feature = payload.putObject("parcel");
        feature.put("type", "Feature");
        feature.put("id", id.toString());
        ObjectNode geometry = feature.putObject("geometry");
        if (ring == null) {
            geometry.put("type", "Point");
            position(geometry.putArray("coordinates"), point);
        } else {
            geometry.put("type", "Polygon");
            ArrayNode outer = geometry.putArray("coordinates").addArray();
            ring.forEach(p -> position(outer.addArray(), p));
        }
        ObjectNode p = feature.putObject("properties");
        p.put("parcelId", id.toString());
        p.put("producerId", owner.toString());
        p.put("organisationId", org.toString());
        p.put("name", name);
        p.put("product", product);
        UpstreamEvents.decimal(p, "declaredAreaHectares", declaredArea);
        UpstreamEvents.decimal(p, "computedAreaHectares", computedArea);
        p.put("deforestationFreeSince2020", true);
        p.put("deforestationCutOffDate", "2020-12-31");
        p.put("registeredBy", UpstreamEvents.CLERK);
        p.put("registeredAt", UpstreamEvents.AT.toString());
        return UpstreamEvents.envelope("ParcelRegistered", "Parcel", id.toString(), org, UpstreamEvents.AT, payload,
                UpstreamEvents.CONTRACTS, "contracts.events", id.toString());
    }

    private static void position(ArrayNode coordinates, String[] lonLat) {
        coordinates.add(new BigDecimal(lonLat[0]));
        coordinates.add(new BigDecimal(lonLat[1]));
    }
}

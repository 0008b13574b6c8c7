package org.articula.lots.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.Parcel;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.Shipment;
import org.articula.lots.domain.ShipmentLot;
import org.articula.platform.events.EventJson;

/**
 * A shipment's parcels as a GeoJSON FeatureCollection (RFC 7946) for the EUDR due-diligence statement: one Feature
 * per distinct parcel of its lots, its geometry as the producer's registration gave it, with the shipment's lots
 * from it; the lots that name no parcel in {@code lotsWithoutParcel}, so the gap shows.
 */
public final class ShipmentParcels {

    public static final String MEDIA_TYPE = "application/geo+json";
    /** Every parcel lots-service knows is in Peru (contracts-service registers Peruvian producers). */
    static final String COUNTRY = "PE";

    private ShipmentParcels() {
    }

    public static ObjectNode featureCollection(Shipment shipment, List<ShipmentLot> members, Map<UUID, Lot> lots,
            Map<UUID, Parcel> parcels, Map<UUID, ProducerRef> producers) {
        ObjectNode doc = EventJson.mapper().createObjectNode();
        doc.put("type", "FeatureCollection");
        doc.put("shipmentId", shipment.id.toString());
        doc.put("reference", shipment.reference);
        doc.put("product", shipment.product);
        doc.put("unit", shipment.unit);
        Map<UUID, ArrayNode> lotsOf = new LinkedHashMap<>();
        ArrayNode features = doc.putArray("features");
        ArrayNode withoutParcel = doc.putArray("lotsWithoutParcel");
        for (ShipmentLot member : members) {
            Lot lot = lots.get(member.lotId);
            Parcel parcel = lot == null || lot.parcelId == null ? null : parcels.get(lot.parcelId);
            if (parcel == null) {
                ObjectNode apart = withoutParcel.addObject();
                lot(apart, member, lot);
                apart.put("producerId", member.producerId.toString());
                ProducerRef producer = producers.get(member.producerId);
                apart.put("producerName", producer == null ? null : producer.name);
                continue;
            }
            ArrayNode ofParcel = lotsOf.computeIfAbsent(parcel.id,
                    p -> feature(features.addObject(), parcel, producers.get(parcel.producerId)));
            lot(ofParcel.addObject(), member, lot);
        }
        return doc;
    }

    /** The document as sent: numbers as written, so coordinates keep their decimals. */
    public static String json(ObjectNode doc) {
        try {
            return EventJson.mapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // The parcel's Feature; answers the array its lots go in.
    private static ArrayNode feature(ObjectNode f, Parcel parcel, ProducerRef producer) {
        f.put("type", "Feature");
        f.put("id", parcel.id.toString());
        try {
            f.set("geometry", EventJson.mapper().readTree(parcel.geometry));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parcel " + parcel.id + " has no readable geometry", e);
        }
        ObjectNode p = f.putObject("properties");
        p.put("parcelId", parcel.id.toString());
        p.put("name", parcel.name);
        p.put("producerId", parcel.producerId.toString());
        p.put("producerName", producer == null ? null : producer.name);
        p.put("product", parcel.product);
        p.put("declaredAreaHectares", parcel.declaredAreaHectares);
        p.put("computedAreaHectares", parcel.computedAreaHectares);
        p.put("country", COUNTRY);
        p.put("deforestationFreeSince2020", parcel.deforestationFreeSince2020);
        p.put("cutOffDate", parcel.deforestationCutOffDate.toString());
        return p.putArray("lots");
    }

    // One lot of the shipment, as pooled.
    private static void lot(ObjectNode l, ShipmentLot member, Lot lot) {
        l.put("lotId", member.lotId.toString());
        l.put("quantity", member.quantity);
        l.put("deliveryDate", lot == null ? null : lot.deliveryDate.toString());
    }
}

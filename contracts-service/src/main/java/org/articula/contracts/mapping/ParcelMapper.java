package org.articula.contracts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articula.contracts.domain.Parcel;
import org.articula.contracts.domain.ParcelGeometry;
import org.articula.contracts.domain.ParcelGeometry.Position;
import org.articula.contracts.rest.dto.Coordinates;
import org.articula.contracts.rest.dto.ParcelFeature;
import org.articula.contracts.rest.dto.ParcelRequest;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.problem.ProblemException;

/** Parcels from GeoJSON requests, to GeoJSON Features, and their ParcelRegistered event. */
public final class ParcelMapper {

    private static final String COORDINATES = "geometry.coordinates";

    private ParcelMapper() {
    }

    /** The request's facts; coordinates not shaped as GeoJSON says for the type are a 400 naming where. */
    public static Parcel.Facts facts(ParcelRequest r) {
        JsonNode coordinates = r.geometry().coordinates().tree();
        ParcelGeometry geometry = r.geometry().type() == ParcelGeometry.Type.Point
                ? ParcelGeometry.point(position(coordinates, COORDINATES))
                : new ParcelGeometry(ParcelGeometry.Type.Polygon, rings(coordinates));
        return new Parcel.Facts(r.parcelId(), r.name(), r.product(), r.declaredAreaHectares(), geometry,
                r.deforestationFreeSince2020());
    }

    public static ParcelFeature feature(Parcel p) {
        JsonNode geometry = readGeometry(p.geometry);
        return new ParcelFeature("Feature", p.id, new ParcelFeature.Geometry(
                ParcelGeometry.Type.valueOf(geometry.path("type").asText()),
                new Coordinates(geometry.path("coordinates"))),
                new ParcelFeature.Properties(p.id, p.producerId, p.organisationId, p.name, p.product,
                        p.declaredAreaHectares, p.computedAreaHectares, p.deforestationFree,
                        Parcel.DEFORESTATION_CUT_OFF, p.registeredBy, p.registeredAt));
    }

    /** ParcelRegistered, keyed by the parcel's id, carrying the parcel as a GeoJSON Feature. */
    public static EventEnvelope registered(Parcel p, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("parcel", feature(p));
        return EventEnvelope.create("ParcelRegistered", 1, "Parcel", p.id.toString(), p.organisationId, at,
                EventJson.toTree(payload));
    }

    private static List<List<Position>> rings(JsonNode coordinates) {
        if (!coordinates.isArray() || coordinates.isEmpty() || coordinates.size() > 50) {
            throw ProblemException.invalidField(COORDINATES,
                    "un Polygon es una lista de 1 a 50 anillos: [[[lon, lat], ...], ...]");
        }
        List<List<Position>> rings = new ArrayList<>();
        for (int r = 0; r < coordinates.size(); r++) {
            JsonNode ring = coordinates.get(r);
            if (!ring.isArray() || ring.size() > 5000) {
                throw ProblemException.invalidField(COORDINATES + "[" + r + "]",
                        "un anillo es una lista de hasta 5000 posiciones [lon, lat]");
            }
            List<Position> positions = new ArrayList<>();
            for (int i = 0; i < ring.size(); i++) {
                positions.add(position(ring.get(i), COORDINATES + "[" + r + "][" + i + "]"));
            }
            rings.add(positions);
        }
        return rings;
    }

    private static Position position(JsonNode node, String field) {
        if (!node.isArray() || node.size() != 2 || !node.get(0).isNumber() || !node.get(1).isNumber()) {
            throw ProblemException.invalidField(field, "una posición es [longitud, latitud], dos números");
        }
        return new Position(decimal(node.get(0)), decimal(node.get(1)));
    }

    private static BigDecimal decimal(JsonNode number) {
        return number.isBigDecimal() || number.isFloatingPointNumber()
                ? number.decimalValue()
                : new BigDecimal(number.bigIntegerValue());
    }

    private static JsonNode readGeometry(String geoJson) {
        try {
            return EventJson.mapper().readTree(geoJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored geometry is not JSON", e);
        }
    }
}

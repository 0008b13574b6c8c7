package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * The sample plots must pass contracts-service's EUDR checks, or the launcher stops on a refusal: measured here as
 * the service measures them (GeographicLib's geodesic area on WGS84, JTS validity on the lon/lat plane).
 */
class SampleParcelsTest {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    @Test
    void everyPolygonsGeodesicAreaIsWithinOnePercentOfTheDeclaredAreaWellInsideTheServicesTenPercent()
            throws Exception {
        int polygons = 0;
        for (JsonNode parcel : all()) {
            JsonNode geometry = parcel.path("geometry");
            if (!"Polygon".equals(geometry.path("type").asText())) {
                continue;
            }
            polygons++;
            JsonNode ring = geometry.path("coordinates").get(0);
            PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
            for (int i = 0; i < ring.size() - 1; i++) {
                area.AddPoint(ring.get(i).get(1).asDouble(), ring.get(i).get(0).asDouble());
            }
            double hectares = Math.abs(area.Compute().area) / 10_000;
            double declared = parcel.path("declaredAreaHectares").asDouble();
            assertTrue(Math.abs(hectares - declared) / declared < 0.01,
                    parcel.path("name") + ": measured " + hectares + " ha, declared " + declared);
        }
        assertTrue(polygons >= 4, "only " + polygons + " polygons");
    }

    @Test
    void polygonsAreClosedSimpleRingsAndPointsArePlotsOfUpToFourHectares() throws Exception {
        int points = 0;
        GeometryFactory factory = new GeometryFactory();
        for (JsonNode parcel : all()) {
            JsonNode geometry = parcel.path("geometry");
            BigDecimal declared = parcel.path("declaredAreaHectares").decimalValue();
            if ("Point".equals(geometry.path("type").asText())) {
                points++;
                assertTrue(declared.compareTo(new BigDecimal("4")) <= 0, parcel.path("name") + ": " + declared);
                continue;
            }
            assertTrue(declared.compareTo(new BigDecimal("4")) > 0, parcel.path("name") + ": " + declared);
            JsonNode ring = geometry.path("coordinates").get(0);
            assertTrue(ring.size() == 5 || ring.size() == 6, "a quadrilateral or pentagon: " + ring);
            assertEquals(ring.get(0), ring.get(ring.size() - 1), "closed");
            List<Coordinate> coordinates = new ArrayList<>();
            ring.forEach(p -> coordinates.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
            var polygon = factory.createPolygon(coordinates.toArray(Coordinate[]::new));
            assertTrue(new IsValidOp(polygon).isValid(), parcel.path("name") + " is not a valid polygon: " + ring);
        }
        assertTrue(points >= 4, "only " + points + " points");
    }

    @Test
    void everyCoordinateHasSixDecimalsAsSentAndLiesAroundQuillabambaOrQuellouno() throws Exception {
        for (int member = 1; member <= SampleData.CACAO_PRODUCERS; member++) {
            for (Map<String, Object> parcel : SampleParcels.of(member)) {
                String text = SampleApi.JSON.writeValueAsString(((Map<?, ?>) parcel.get("geometry"))
                        .get("coordinates"));
                Matcher m = NUMBER.matcher(text);
                int numbers = 0;
                while (m.find()) {
                    numbers++;
                    String number = m.group();
                    assertTrue(number.length() - number.indexOf('.') - 1 >= 6, number + " in " + text);
                    double value = Double.parseDouble(number);
                    boolean lon = value < -70;
                    assertTrue(lon ? value > -72.8 && value < -72.5 : value > -12.9 && value < -12.6,
                            number + " out of La Convención's cacao area");
                }
                assertTrue(numbers >= 2, text);
                assertEquals(Boolean.TRUE, parcel.get("deforestationFreeSince2020"));
            }
        }
    }

    @Test
    void everyMemberHasOneOrTwoPlotsUnderIdsAndBodiesThatNeverChange() throws Exception {
        Set<Object> ids = new HashSet<>();
        for (int member = 1; member <= SampleData.CACAO_PRODUCERS; member++) {
            List<Map<String, Object>> parcels = SampleParcels.of(member);
            assertTrue(parcels.size() == 1 || parcels.size() == 2, "member " + member + ": " + parcels.size());
            parcels.forEach(p -> assertTrue(ids.add(p.get("parcelId")), "repeated id " + p.get("parcelId")));
            assertEquals(SampleApi.JSON.writeValueAsString(parcels),
                    SampleApi.JSON.writeValueAsString(SampleParcels.of(member)));
        }
    }

    private static List<JsonNode> all() throws Exception {
        List<JsonNode> parcels = new ArrayList<>();
        for (int member = 1; member <= SampleData.CACAO_PRODUCERS; member++) {
            for (Map<String, Object> parcel : SampleParcels.of(member)) {
                // Through the JSON the service gets, numbers as sent.
                parcels.add(SampleApi.JSON.readTree(SampleApi.JSON.writeValueAsString(parcel)));
            }
        }
        return parcels;
    }
}

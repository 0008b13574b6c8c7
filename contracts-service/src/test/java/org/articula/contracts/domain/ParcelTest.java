package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.ParcelGeometry.Position;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * The EUDR geolocation rules on plots near Quillabamba (La Convención, Cusco), where a degree of latitude is
 * 110 629 m and one of longitude 108 544 m: a square of 0.002257° by 0.002214° measures 6.00 ha.
 */
class ParcelTest {

    static final String[][] SIX_HECTARES = { { "-72.695000", "-12.861000" }, { "-72.692743", "-12.861000" },
            { "-72.692743", "-12.863214" }, { "-72.695000", "-12.863214" }, { "-72.695000", "-12.861000" } };

    @Test
    void aSixHectarePolygonIsMeasuredOnTheEllipsoidAndAccepted() {
        Parcel p = register(polygon(SIX_HECTARES), "6", true);
        assertEquals(0, new BigDecimal("6.00").compareTo(p.computedAreaHectares.setScale(2,
                java.math.RoundingMode.HALF_UP)), p.computedAreaHectares.toPlainString());
        assertTrue(p.geometry.startsWith("{\"type\":\"Polygon\",\"coordinates\":[[[-72.695000,-12.861000],"),
                p.geometry);
    }

    @Test
    void aPointIsEnoughUpToFourHectaresAndNotAbove() {
        ParcelGeometry point = ParcelGeometry.point(position("-72.693512", "-12.859874"));
        Parcel small = register(point, "3.5", true);
        assertNull(small.computedAreaHectares);
        assertEquals("{\"type\":\"Point\",\"coordinates\":[-72.693512,-12.859874]}", small.geometry);
        register(point, "4", true);
        ProblemException refused = assertThrows(ProblemException.class, () -> register(point, "6", true));
        assertEquals("geometry.type", refused.problem().violations().get(0).field());
    }

    @Test
    void aBowTieIsRefusedNamingWhereItCrossesItself() {
        String[][] bowTie = { { "-72.695000", "-12.861000" }, { "-72.692743", "-12.863214" },
                { "-72.692743", "-12.861000" }, { "-72.695000", "-12.863214" }, { "-72.695000", "-12.861000" } };
        ProblemException refused = assertThrows(ProblemException.class,
                () -> register(polygon(bowTie), "3", true));
        assertEquals("geometry.coordinates", refused.problem().violations().get(0).field());
        assertTrue(refused.problem().violations().get(0).message().contains("se cruza consigo mismo en "
                + "[-72.693872, -12.862107]"), refused.problem().violations().get(0).message());
    }

    @Test
    void aPolygonWhoseAreaDisagreesWithTheDeclaredOneBeyondTenPercentIsRefused() {
        register(polygon(SIX_HECTARES), "5.5", true);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> register(polygon(SIX_HECTARES), "5.4", true));
        assertEquals("declaredAreaHectares", refused.problem().violations().get(0).field());
        assertTrue(refused.problem().violations().get(0).message().contains("mide 6.00 ha"));
    }

    @Test
    void openRingsShortDecimalsAndOutOfRangeCoordinatesAreNamed() {
        String[][] open = Arrays.copyOf(SIX_HECTARES, 4);
        assertField("geometry.coordinates[0]", polygon(open));
        String[][] coarse = SIX_HECTARES.clone();
        coarse[1] = new String[] { "-72.69274", "-12.861000" };
        assertField("geometry.coordinates[0][1]", polygon(coarse));
        assertField("geometry.coordinates", ParcelGeometry.point(position("-72.700000", "-92.000000")));
        // Trailing zeros count as decimals: -72.700000 has six.
        register(ParcelGeometry.point(position("-72.700000", "-12.800000")), "1", true);
    }

    @Test
    void onlyCacaoAndCoffeeWithTheNoDeforestationDeclaration() {
        ParcelGeometry point = ParcelGeometry.point(position("-72.693512", "-12.859874"));
        assertEquals("product", assertThrows(ProblemException.class, () -> Parcel.register(new Parcel.Facts(
                UUID.randomUUID(), "Chacra", "milk", BigDecimal.ONE, point, true), producer(), "x", Instant.now()))
                .problem().violations().get(0).field());
        ProblemException undeclared = assertThrows(ProblemException.class, () -> register(point, "2", false));
        assertEquals(422, undeclared.type().definition().status());
    }

    private static void assertField(String field, ParcelGeometry geometry) {
        ProblemException refused = assertThrows(ProblemException.class, () -> register(geometry, "6", true));
        assertEquals(field, refused.problem().violations().get(0).field(), refused.getMessage());
    }

    private static Parcel register(ParcelGeometry geometry, String hectares, boolean declared) {
        return Parcel.register(new Parcel.Facts(UUID.randomUUID(), "Chacra Santa Rosa", "cacao",
                new BigDecimal(hectares), geometry, declared), producer(), "Carmen Vásquez", Instant.now());
    }

    private static Producer producer() {
        Producer p = new Producer();
        p.id = UUID.randomUUID();
        p.organisationId = UUID.randomUUID();
        return p;
    }

    static ParcelGeometry polygon(String[][] ring) {
        return new ParcelGeometry(ParcelGeometry.Type.Polygon, List.of(Arrays.stream(ring)
                .map(p -> position(p[0], p[1])).toList()));
    }

    static Position position(String lon, String lat) {
        return new Position(new BigDecimal(lon), new BigDecimal(lat));
    }
}

package org.articula.localstack;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The cacao cooperative's members' plots for the EUDR, as contracts-service's parcels API takes them: 1 or 2 a
 * member, 1.2-7.5 ha, around Quellouno or Quillabamba (Santa Ana) by the member's district. A plot up to 4 ha is a
 * Point; a larger one a convex quadrilateral or pentagon (so it never crosses itself) laid out in metres to the
 * declared area and converted with the metres per degree of the WGS84 ellipsoid at its latitude, so the service's
 * geodesic area comes out within a fraction of a percent of the declared one (it refuses beyond 10 %).
 * SampleParcelsTest measures every polygon with GeographicLib to keep it so.
 *
 * <p>Deterministic: each member's plots come from a {@link Random} seeded by the member's number.
 */
final class SampleParcels {

    static final double POINT_LIMIT_HECTARES = 4;
    private static final int DECIMALS = 6;
    private static final List<String> QUELLOUNO_SECTORS = List.of("Chahuares", "Santusaires", "Pampa Grande",
            "Alto Yanatile", "Sirialo", "Chancamayo");
    private static final List<String> SANTA_ANA_SECTORS = List.of("Chaupimayo", "Huayanay", "Macamango",
            "Sambaray", "Potrero", "Cirialo");

    private SampleParcels() {
    }

    /** Whether member {@code member} (1-12) farms in Santa Ana (around Quillabamba); the others in Quellouno. */
    static boolean inSantaAna(int member) {
        return member % 3 == 0;
    }

    /** The parcel bodies of member {@code member} (1-12) of the cacao cooperative. */
    static List<Map<String, Object>> of(int member) {
        Random r = new Random(7_000L + member);
        boolean santaAna = inSantaAna(member);
        // Quillabamba (-12.863, -72.692) and Quellouno (-12.637, -72.557), the plots a few km around them.
        double baseLat = santaAna ? -12.84 : -12.67;
        double baseLon = santaAna ? -72.71 : -72.58;
        List<String> sectors = santaAna ? SANTA_ANA_SECTORS : QUELLOUNO_SECTORS;
        int count = member % 3 == 1 ? 2 : 1;
        List<Map<String, Object>> parcels = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            double lat = baseLat + (r.nextDouble() - 0.5) * 0.08;
            double lon = baseLon + (r.nextDouble() - 0.5) * 0.08;
            BigDecimal hectares = BigDecimal.valueOf(1.2 + r.nextDouble() * 6.3).setScale(2, RoundingMode.HALF_UP);
            double aspect = 1.2 + r.nextDouble() * 0.8;
            double bearing = r.nextDouble() * Math.PI;
            String sector = sectors.get(r.nextInt(sectors.size()));
            Map<String, Object> geometry = hectares.doubleValue() <= POINT_LIMIT_HECTARES
                    ? SampleData.obj("type", "Point", "coordinates", position(lat, lon, 0, 0))
                    : SampleData.obj("type", "Polygon", "coordinates", List.of(ring(lat, lon,
                            outline(member + n, hectares.doubleValue() * 10_000, aspect), bearing)));
            parcels.add(SampleData.obj("parcelId", SampleData.id("parcel:cacao:" + member + ":" + n), "name",
                    "Parcela " + sector + (count > 1 ? " " + n : ""), "product", "cacao", "declaredAreaHectares",
                    hectares, "geometry", geometry, "deforestationFreeSince2020", true));
        }
        return parcels;
    }

    /**
     * A convex outline of {@code squareMetres}, counter-clockwise in metres (x east, y north) around its centre:
     * a rectangle, a trapezoid or a "house" pentagon (a rectangle with a gable), by {@code kind}.
     */
    static double[][] outline(int kind, double squareMetres, double aspect) {
        switch (kind % 3) {
            case 0 -> { // rectangle w x h, h = aspect w
                double w = Math.sqrt(squareMetres / aspect);
                double h = aspect * w;
                return new double[][] { { -w / 2, -h / 2 }, { w / 2, -h / 2 }, { w / 2, h / 2 }, { -w / 2, h / 2 } };
            }
            case 1 -> { // trapezoid: bottom w, top 0.7 w, height aspect w; area 0.85 aspect w^2
                double w = Math.sqrt(squareMetres / (0.85 * aspect));
                double h = aspect * w;
                double top = 0.7 * w;
                return new double[][] { { -w / 2, -h / 2 }, { w / 2, -h / 2 }, { top / 2, h / 2 },
                        { -top / 2, h / 2 } };
            }
            default -> { // rectangle w x h with a gable 0.4 h high: area 1.2 w h
                double w = Math.sqrt(squareMetres / (1.2 * aspect));
                double h = aspect * w;
                return new double[][] { { -w / 2, -h / 2 }, { w / 2, -h / 2 }, { w / 2, h / 2 },
                        { 0, h / 2 + 0.4 * h }, { -w / 2, h / 2 } };
            }
        }
    }

    /** The outline turned by {@code bearing} radians and placed at (lat, lon): a closed GeoJSON ring. */
    private static List<List<BigDecimal>> ring(double lat, double lon, double[][] outline, double bearing) {
        List<List<BigDecimal>> ring = new ArrayList<>();
        for (double[] corner : outline) {
            double x = corner[0] * Math.cos(bearing) - corner[1] * Math.sin(bearing);
            double y = corner[0] * Math.sin(bearing) + corner[1] * Math.cos(bearing);
            ring.add(position(lat, lon, x, y));
        }
        ring.add(ring.get(0));
        return ring;
    }

    /** [longitude, latitude] of the point {@code x} m east and {@code y} m north of (lat, lon), 6 decimals. */
    private static List<BigDecimal> position(double lat, double lon, double x, double y) {
        double phi = Math.toRadians(lat);
        // Metres per degree on the WGS84 ellipsoid at latitude phi (the usual series of the meridian and parallel).
        double perDegreeLat = 111_132.92 - 559.82 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi)
                - 0.0023 * Math.cos(6 * phi);
        double perDegreeLon = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
        return List.of(BigDecimal.valueOf(lon + x / perDegreeLon).setScale(DECIMALS, RoundingMode.HALF_UP),
                BigDecimal.valueOf(lat + y / perDegreeLat).setScale(DECIMALS, RoundingMode.HALF_UP));
    }
}

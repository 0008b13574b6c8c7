package org.articula.contracts.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.articula.platform.problem.Problem.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Where a parcel lies, as GeoJSON states it in WGS84: a Point, or a Polygon (an outer ring and any holes), each
 * position [longitude, latitude] with the decimals as written. The EUDR rules for a geolocation are checked here:
 * ranges, at least {@link #MIN_DECIMALS} decimals (about 0.1 m), closed rings of 4 positions or more, no ring
 * crossing itself or another (JTS, on the lon/lat plane, which is faithful at a plot's size). The area of a polygon
 * is measured on the WGS84 ellipsoid by GeographicLib (geodesic edges), not on a projection.
 */
public record ParcelGeometry(Type type, List<List<Position>> rings) {

    public static final int MIN_DECIMALS = 6;
    private static final BigDecimal SQUARE_METRES_PER_HECTARE = BigDecimal.valueOf(10_000);

    public enum Type {
        Point,
        Polygon
    }

    /** A position as written: longitude first, as GeoJSON puts it. */
    public record Position(BigDecimal lon, BigDecimal lat) {

        String text() {
            return "[" + lon.toPlainString() + ", " + lat.toPlainString() + "]";
        }
    }

    /** A Point: one ring of one position. */
    public static ParcelGeometry point(Position at) {
        return new ParcelGeometry(Type.Point, List.of(List.of(at)));
    }

    /** What breaks the rules, each naming the position at fault under {@code field} (geometry.coordinates). */
    public List<Violation> problems(String field) {
        List<Violation> violations = new ArrayList<>();
        for (int r = 0; r < rings.size(); r++) {
            List<Position> ring = rings.get(r);
            for (int i = 0; i < ring.size(); i++) {
                String at = type == Type.Point ? field : field + "[" + r + "][" + i + "]";
                positionProblems(ring.get(i), at, violations);
            }
            if (type == Type.Polygon) {
                ringProblems(ring, field + "[" + r + "]", violations);
            }
        }
        if (violations.isEmpty() && type == Type.Polygon) {
            TopologyValidationError error = new IsValidOp(polygon()).getValidationError();
            if (error != null) {
                violations.add(new Violation(field, topologyProblem(error)));
            }
        }
        return violations;
    }

    /** The polygon's area in hectares to 4 decimals (outer ring less holes); only for a valid Polygon. */
    public BigDecimal areaHectares() {
        double squareMetres = 0;
        for (int r = 0; r < rings.size(); r++) {
            PolygonArea area = new PolygonArea(Geodesic.WGS84, false);
            List<Position> ring = rings.get(r);
            for (Position p : ring.subList(0, ring.size() - 1)) {
                area.AddPoint(p.lat().doubleValue(), p.lon().doubleValue());
            }
            double ringArea = Math.abs(area.Compute().area);
            squareMetres += r == 0 ? ringArea : -ringArea;
        }
        return BigDecimal.valueOf(squareMetres).divide(SQUARE_METRES_PER_HECTARE, 4, RoundingMode.HALF_UP);
    }

    /** The geometry as GeoJSON text, its numbers as written. */
    public String toGeoJson() {
        List<String> ringTexts = rings.stream()
                .map(ring -> "[" + String.join(",", ring.stream().map(p -> p.lon().toPlainString() + ","
                        + p.lat().toPlainString()).map(s -> "[" + s + "]").toList()) + "]")
                .toList();
        String coordinates = type == Type.Point
                ? ringTexts.get(0).substring(1, ringTexts.get(0).length() - 1)
                : "[" + String.join(",", ringTexts) + "]";
        return "{\"type\":\"" + type + "\",\"coordinates\":" + coordinates + "}";
    }

    private static void positionProblems(Position p, String at, List<Violation> violations) {
        if (p.lon().abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            violations.add(new Violation(at, "longitud " + p.lon().toPlainString() + " fuera de [-180, 180]"));
        }
        if (p.lat().abs().compareTo(BigDecimal.valueOf(90)) > 0) {
            violations.add(new Violation(at, "latitud " + p.lat().toPlainString() + " fuera de [-90, 90]"));
        }
        if (p.lon().scale() < MIN_DECIMALS || p.lat().scale() < MIN_DECIMALS) {
            violations.add(new Violation(at, "la coordenada " + p.text() + " debe tener al menos " + MIN_DECIMALS
                    + " decimales en longitud y latitud"));
        }
    }

    private static void ringProblems(List<Position> ring, String at, List<Violation> violations) {
        if (ring.size() < 4) {
            violations.add(new Violation(at, "un anillo tiene al menos 4 posiciones (la última repite la primera); "
                    + "este tiene " + ring.size()));
        } else if (!same(ring.get(0), ring.get(ring.size() - 1))) {
            violations.add(new Violation(at, "el anillo no está cerrado: termina en " + ring.get(ring.size() - 1)
                    .text() + " y no en su primera posición " + ring.get(0).text()));
        }
    }

    private static boolean same(Position a, Position b) {
        return a.lon().compareTo(b.lon()) == 0 && a.lat().compareTo(b.lat()) == 0;
    }

    private Polygon polygon() {
        GeometryFactory factory = new GeometryFactory();
        List<LinearRing> linear = rings.stream().map(ring -> factory.createLinearRing(ring.stream()
                .map(p -> new Coordinate(p.lon().doubleValue(), p.lat().doubleValue())).toArray(Coordinate[]::new)))
                .toList();
        return factory.createPolygon(linear.get(0), linear.subList(1, linear.size()).toArray(LinearRing[]::new));
    }

    // JTS names the point where the rule breaks: the user gets it as [longitude, latitude].
    private static String topologyProblem(TopologyValidationError error) {
        Coordinate c = error.getCoordinate();
        String where = c == null ? "" : String.format(Locale.ROOT, " en [%.6f, %.6f] (longitud, latitud)", c.x, c.y);
        String what = switch (error.getErrorType()) {
            case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                "el contorno del polígono se cruza consigo mismo";
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> "un hueco queda fuera del contorno";
            case TopologyValidationError.NESTED_HOLES -> "un hueco está dentro de otro";
            case TopologyValidationError.DISCONNECTED_INTERIOR -> "los huecos parten el polígono en pedazos";
            case TopologyValidationError.TOO_FEW_POINTS -> "el anillo tiene muy pocos puntos distintos";
            default -> "el polígono no es válido (" + error.getMessage() + ")";
        };
        return what + where;
    }
}

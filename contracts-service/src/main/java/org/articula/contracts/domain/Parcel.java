package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;

/**
 * A producer's plot of coffee or cacao, geolocated for the EU deforestation regulation (EUDR): a point for a plot
 * of up to 4 ha, a polygon for any plot (and always above 4 ha), whose measured area must agree with the declared
 * one within {@link #AREA_TOLERANCE_PERCENT} %. Registered only with the producer's declaration that nothing was
 * deforested on it after the EU cut-off day (docs/decisions/0030-certifications-and-parcels.md).
 */
@Entity
@Table(name = "parcel")
public class Parcel {

    /** Products the regulation covers that our users grow. */
    public static final Set<String> PRODUCTS = Set.of("cacao", "coffee");
    /** The most a plot geolocated by a single point may measure. */
    public static final BigDecimal POINT_MAX_HECTARES = new BigDecimal("4");
    /** How far the measured area of a polygon may be from the declared one, in % of the declared. */
    public static final BigDecimal AREA_TOLERANCE_PERCENT = BigDecimal.TEN;
    /** No deforestation after this day (Regulation (EU) 2023/1115, art. 2(13)). */
    public static final LocalDate DEFORESTATION_CUT_OFF = LocalDate.of(2020, 12, 31);

    @Id
    public UUID id;

    /** The tenant: the producer's organisation. */
    public UUID organisationId;

    public UUID producerId;

    public String name;

    public String product;

    @Column(name = "declared_area_ha")
    public BigDecimal declaredAreaHectares;

    /** Measured on the ellipsoid for a polygon; null for a point. */
    @Column(name = "computed_area_ha")
    public BigDecimal computedAreaHectares;

    /** The GeoJSON geometry as given (WGS84, [longitude, latitude], decimals as written). */
    public String geometry;

    public boolean deforestationFree;

    public String registeredBy;

    public Instant registeredAt;

    /** What the caller states of the plot. */
    public record Facts(UUID id, String name, String product, BigDecimal declaredAreaHectares,
            ParcelGeometry geometry, boolean deforestationFree) {
    }

    /**
     * Registers a plot of {@code producer}, or refuses it naming the field: 400 for a geometry, product or area that
     * breaks a rule (every one found), 422 without the no-deforestation declaration.
     */
    public static Parcel register(Facts facts, Producer producer, String by, Instant at) {
        List<Violation> violations = new ArrayList<>();
        if (!PRODUCTS.contains(facts.product())) {
            violations.add(new Violation("product", "debe ser uno de " + PRODUCTS.stream().sorted().toList()));
        }
        if (facts.declaredAreaHectares().signum() <= 0 || facts.declaredAreaHectares().scale() > 4) {
            violations.add(new Violation("declaredAreaHectares", "hectáreas mayores que 0, con 4 decimales a lo más"));
        }
        violations.addAll(facts.geometry().problems("geometry.coordinates"));
        BigDecimal computed = null;
        if (violations.isEmpty()) {
            computed = areaProblems(facts, violations);
        }
        Refusals.refuseIfAny(violations);
        if (!facts.deforestationFree()) {
            String message = "solo se registran parcelas declaradas libres de deforestación después del "
                    + "31/12/2020 (fecha de corte del reglamento europeo)";
            throw new ProblemException(ProblemType.BUSINESS_RULE, "deforestationFreeSince2020: " + message,
                    List.of(new Violation("deforestationFreeSince2020", message)));
        }
        Parcel p = new Parcel();
        p.id = facts.id();
        p.organisationId = producer.organisationId;
        p.producerId = producer.id;
        p.name = facts.name().strip();
        p.product = facts.product();
        p.declaredAreaHectares = facts.declaredAreaHectares().setScale(4);
        p.computedAreaHectares = computed;
        p.geometry = facts.geometry().toGeoJson();
        p.deforestationFree = true;
        p.registeredBy = by;
        p.registeredAt = at;
        return p;
    }

    // A point only for a plot of up to 4 ha; a polygon's measured area within the tolerance of the declared one.
    private static BigDecimal areaProblems(Facts facts, List<Violation> violations) {
        BigDecimal declared = facts.declaredAreaHectares();
        if (facts.geometry().type() == ParcelGeometry.Type.Point) {
            if (declared.compareTo(POINT_MAX_HECTARES) > 0) {
                violations.add(new Violation("geometry.type", "una parcela de más de 4 ha se ubica con un polígono "
                        + "(Polygon), no con un punto; esta declara " + declared.toPlainString() + " ha"));
            }
            return null;
        }
        BigDecimal computed = facts.geometry().areaHectares();
        BigDecimal allowed = declared.multiply(AREA_TOLERANCE_PERCENT).movePointLeft(2);
        if (computed.subtract(declared).abs().compareTo(allowed) > 0) {
            violations.add(new Violation("declaredAreaHectares", "el polígono mide "
                    + computed.setScale(2, RoundingMode.HALF_UP).toPlainString() + " ha y se declaran "
                    + declared.toPlainString() + " ha: la diferencia pasa del " + AREA_TOLERANCE_PERCENT
                    + " % permitido"));
        }
        return computed;
    }

    /** Whether a request with these facts is the one that registered it (a retry). */
    public boolean sameAs(Facts f, UUID producer) {
        return producerId.equals(producer) && name.equals(f.name().strip()) && product.equals(f.product())
                && declaredAreaHectares.compareTo(f.declaredAreaHectares()) == 0
                && geometry.equals(f.geometry().toGeoJson()) && f.deforestationFree();
    }
}

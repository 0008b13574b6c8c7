package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A shipment ("envío"): accepted lots of one centre and one product pooled into a tanker or a consignment for a
 * buyer (the processor, the exporter). Quantity is conserved: it carries the lots' sum less the losses recorded,
 * and that must stay above zero. The buyer's result (accepted, rejected, accepted with a discount) is recorded
 * once and is then the shipment's status for good; through the lots it is traced to every producer.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    /** A device's clock a little ahead is tolerated; a dispatch or receipt further in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    @Id
    public UUID id;

    /** The centre's organisation: the one that ships. */
    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    /** The destination organisation (the processor, the exporter): it sees the shipment too. */
    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;

    @Column(nullable = false)
    public String reference;

    @Column(name = "dispatched_at", nullable = false)
    public Instant dispatchedAt;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false)
    public String unit;

    @Column(name = "lot_count", nullable = false)
    public int lotCount;

    @Column(name = "lots_quantity", nullable = false)
    public BigDecimal lotsQuantity;

    @Column(name = "losses_quantity", nullable = false)
    public BigDecimal lossesQuantity;

    @Column(name = "shipped_quantity", nullable = false)
    public BigDecimal shippedQuantity;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Loss> losses;

    /** The scheme it is declared certified under (e.g. ORGANIC), or null. */
    public String certification;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShipmentStatus status;

    @Column(name = "discount_percent")
    public BigDecimal discountPercent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result_readings")
    public List<ShipmentReading> resultReadings;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "result_note")
    public String resultNote;

    @Column(name = "result_recorded_by")
    public String resultRecordedBy;

    @Column(name = "result_recorded_at")
    public Instant resultRecordedAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Version
    public long version;

    /** A new shipment and its lots, in the order asked for. */
    public record Dispatched(Shipment shipment, List<ShipmentLot> lots) {
    }

    /**
     * Pools the lots into a new shipment, or refuses naming each lot that cannot enter ({@code lots}: the lots
     * asked for, in order, null where the caller has no such lot; {@code admission}: whether each may) or the
     * losses that leave nothing to ship. {@code centreOrganisation} is the centre's organisation.
     */
    public static Dispatched dispatch(Dispatch request, UUID centreOrganisation, List<Lot> lots,
            LotAdmission admission, String by, Instant now) {
        List<Violation> violations = admissionViolations(request, lots, admission);
        if (request.dispatchedAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("dispatchedAt", "no puede ser futura"));
        }
        if (!violations.isEmpty()) {
            throw LotRuleException.refused(LotsProblem.LOTS_NOT_SHIPPABLE, detail(violations), violations);
        }
        BigDecimal lotsQuantity = lots.stream().map(l -> l.figures.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal lossesQuantity = request.losses().stream().map(Loss::quantity).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        if (lossesQuantity.compareTo(lotsQuantity) >= 0) {
            throw LotRuleException.refused(LotsProblem.LOSSES_EXCEED_LOTS,
                    "Las mermas (" + lossesQuantity.toPlainString()
                            + ") no dejan nada que enviar de " + lotsQuantity.toPlainString() + " " + lots.get(0).unit
                            + " de los lotes",
                    new Violation("losses", "suman " + lossesQuantity.toPlainString()
                            + ", no menos que los lotes (" + lotsQuantity.toPlainString() + ")"));
        }
        Shipment s = new Shipment();
        s.id = request.id();
        s.organisationId = centreOrganisation;
        s.centreId = request.centreId();
        s.buyerId = request.buyerId();
        s.reference = request.reference().strip();
        s.dispatchedAt = request.dispatchedAt().truncatedTo(ChronoUnit.MICROS);
        s.product = lots.get(0).product;
        s.unit = lots.get(0).unit;
        s.lotCount = lots.size();
        s.lotsQuantity = lotsQuantity.setScale(LotFigures.QUANTITY_SCALE);
        s.lossesQuantity = lossesQuantity.setScale(LotFigures.QUANTITY_SCALE);
        s.shippedQuantity = s.lotsQuantity.subtract(s.lossesQuantity);
        s.losses = List.copyOf(request.losses());
        s.certification = request.certification();
        s.status = ShipmentStatus.DISPATCHED;
        s.createdBy = by;
        s.createdAt = now;
        List<ShipmentLot> members = new ArrayList<>(lots.size());
        for (int i = 0; i < lots.size(); i++) {
            members.add(ShipmentLot.of(s.id, i, lots.get(i)));
        }
        return new Dispatched(s, members);
    }

    // Each lot that cannot enter, by its place in lotIds; a lot of another product than the first one admitted.
    private static List<Violation> admissionViolations(Dispatch request, List<Lot> lots, LotAdmission admission) {
        List<Violation> violations = new ArrayList<>();
        Lot first = null;
        for (int i = 0; i < lots.size(); i++) {
            Lot lot = lots.get(i);
            String field = "lotIds[" + i + "]";
            if (lot == null) {
                violations.add(new Violation(field, "el lote " + request.lotIds().get(i) + " no existe"));
                continue;
            }
            String refusal = admission.refusal(lot).orElse(null);
            if (refusal == null && first != null
                    && !(first.product.equals(lot.product) && first.unit.equals(lot.unit))) {
                refusal = "el lote " + lot.id + " es de " + lot.product + " (" + lot.unit + "); el envío lleva "
                        + first.product + " (" + first.unit + ")";
            }
            if (refusal == null && lot.deliveredAt.isAfter(request.dispatchedAt())) {
                refusal = "el lote " + lot.id + " se entregó después del despacho";
            }
            if (refusal != null) {
                violations.add(new Violation(field, refusal));
            } else if (first == null) {
                first = lot;
            }
        }
        return violations;
    }

    private static String detail(List<Violation> violations) {
        return violations.size() == 1
                ? "No se puede despachar: " + violations.get(0).message()
                : "No se puede despachar: " + violations.size() + " observaciones (ver violations)";
    }

    /** Whether a request to create a shipment with this id is this one sent again. */
    public boolean isRepeatOf(Dispatch d, List<UUID> lotIds) {
        return centreId.equals(d.centreId()) && buyerId.equals(d.buyerId()) && reference.equals(d.reference().strip())
                && dispatchedAt.equals(d.dispatchedAt().truncatedTo(ChronoUnit.MICROS)) && lotIds.equals(d.lotIds())
                && Objects.equals(certification, d.certification()) && sameLosses(d.losses());
    }

    private boolean sameLosses(List<Loss> sent) {
        if (losses.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < sent.size(); i++) {
            if (losses.get(i).quantity().compareTo(sent.get(i).quantity()) != 0
                    || !losses.get(i).reason().equals(sent.get(i).reason())) {
                return false;
            }
        }
        return true;
    }

    public boolean hasResult() {
        return status != ShipmentStatus.DISPATCHED;
    }

    /**
     * Records the buyer's result, once: refused when another result is recorded already (the same one again is
     * not a change: answers false), when the discount is missing or out of (0, 100) for a discounted acceptance or
     * given for another outcome, when it was received before dispatch or in the future, or a reading names no
     * quality parameter of the lots ({@code parameters}). True when recorded.
     */
    public boolean recordResult(ShipmentResult result, Set<String> parameters, String by, Instant now) {
        if (hasResult()) {
            if (isRepeatOf(result)) {
                return false;
            }
            throw LotRuleException.refused(LotsProblem.SHIPMENT_RESULT_RECORDED, "El envío " + id
                    + " ya tiene resultado (" + status + ", registrado por " + resultRecordedBy + ")");
        }
        LotRuleException.refuseIfAny(resultViolations(result, parameters, now));
        status = result.outcome().status();
        discountPercent = result.discountPercent();
        resultReadings = List.copyOf(result.readings());
        receivedAt = result.receivedAt().truncatedTo(ChronoUnit.MICROS);
        resultNote = result.note();
        resultRecordedBy = by;
        resultRecordedAt = now;
        return true;
    }

    private List<Violation> resultViolations(ShipmentResult result, Set<String> parameters, Instant now) {
        List<Violation> violations = new ArrayList<>();
        BigDecimal discount = result.discountPercent();
        if (result.outcome() == ShipmentResult.Outcome.ACCEPTED_WITH_DISCOUNT) {
            if (discount == null || discount.signum() <= 0 || discount.compareTo(BigDecimal.valueOf(100)) >= 0) {
                violations.add(new Violation("discountPercent", "indique un descuento mayor que 0 y menor que 100"));
            }
        } else if (discount != null) {
            violations.add(new Violation("discountPercent", "solo con outcome ACCEPTED_WITH_DISCOUNT"));
        }
        if (result.receivedAt().isBefore(dispatchedAt)) {
            violations.add(new Violation("receivedAt", "es anterior al despacho"));
        } else if (result.receivedAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("receivedAt", "no puede ser futura"));
        }
        for (int i = 0; i < result.readings().size(); i++) {
            String parameter = result.readings().get(i).parameter();
            if (!parameters.contains(parameter)) {
                violations.add(new Violation("readings[" + i + "].parameter", "'" + parameter
                        + "' no es un parámetro de calidad de los lotes del envío"));
            }
        }
        return violations;
    }

    /** Whether a result sent again is the one recorded. */
    public boolean isRepeatOf(ShipmentResult r) {
        return hasResult() && status == r.outcome().status()
                && (discountPercent == null
                        ? r.discountPercent() == null
                        : r.discountPercent() != null && discountPercent.compareTo(r.discountPercent()) == 0)
                && receivedAt.equals(r.receivedAt().truncatedTo(ChronoUnit.MICROS))
                && Objects.equals(resultNote, r.note()) && sameReadings(r.readings());
    }

    private boolean sameReadings(List<ShipmentReading> sent) {
        if (resultReadings.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < sent.size(); i++) {
            if (!resultReadings.get(i).parameter().equals(sent.get(i).parameter())
                    || resultReadings.get(i).value().compareTo(sent.get(i).value()) != 0) {
                return false;
            }
        }
        return true;
    }
}

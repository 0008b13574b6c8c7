package org.articula.lots.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;

/**
 * A lot ("lote"): one delivery by one producer at one collection centre at one time, with its
 * readings and the verdict of the agreement's quality clause version in force on its delivery date.
 * The version stays with the lot: a later amendment never re-judges it; a correction re-judges it
 * by the same version.
 */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    public UUID id;

    /** The organisation that pays the producer (the agreement's tenant). */
    public UUID organisationId;

    public UUID centreId;

    public UUID producerId;

    public String product;

    public String unit;

    public Instant deliveredAt;

    /** The delivery's business day in America/Lima: the day the agreement is looked up for. */
    public LocalDate deliveryDate;

    @Enumerated(EnumType.STRING)
    public Shift shift;

    public UUID agreementId;

    public int agreementVersion;

    /** The producer's parcel it was harvested from (EUDR), or null when the centre did not say. */
    public UUID parcelId;

    /** Quantity, readings and verdict as they now stand. */
    @Embedded
    public LotFigures figures;

    @Enumerated(EnumType.STRING)
    public LotStatus status;

    /** 1 as recorded; each correction or void adds one. */
    public int revision;

    public UUID recordedBy;

    public Instant recordedAt;

    public Instant updatedAt;

    @Version
    public long version;

    /**
     * A delivery recorded at revision 1, judged by the clause version governing its business day: refused
     * when the agreement measures the product in another unit or a reading cannot be judged.
     */
    public static Lot record(Delivery delivery, AgreementTerms agreement, LocalDate day, Instant now) {
        TermsVersion version = agreement.versionOn(day).orElseThrow();
        List<Violation> violations = new ArrayList<>();
        if (!agreement.unit.equals(delivery.unit())) {
            violations.add(new Violation("unit", "el acuerdo mide " + delivery.product() + " en " + agreement.unit));
        }
        violations.addAll(QualityJudge.unfit(version.quality(), delivery.readings()));
        LotRuleException.refuseIfAny(violations);

        Lot lot = new Lot();
        lot.id = delivery.id();
        lot.organisationId = agreement.organisationId;
        lot.centreId = delivery.centreId();
        lot.producerId = delivery.producerId();
        lot.product = delivery.product();
        lot.unit = delivery.unit();
        lot.deliveredAt = stored(delivery.deliveredAt());
        lot.deliveryDate = day;
        lot.shift = delivery.shift();
        lot.agreementId = agreement.id;
        lot.agreementVersion = version.number();
        lot.parcelId = delivery.parcelId();
        lot.figures = LotFigures.judged(delivery.quantity(), delivery.readings(), version.quality());
        lot.status = LotStatus.RECORDED;
        lot.revision = 1;
        lot.recordedBy = delivery.operatorId();
        lot.recordedAt = now;
        lot.updatedAt = now;
        return lot;
    }

    /** The first entry of the lot's history: as recorded, by the operator named. */
    public LotRevision asRecorded(String operatorName) {
        return LotRevision.of(this, LotRevision.Kind.RECORDED, null, operatorName, recordedAt);
    }

    /**
     * Whether a delivery sent again is this lot: the same centre, producer, product, time, operator,
     * unit and shift; and, while the lot is uncorrected, the same quantity, readings and parcel (once corrected,
     * the correction, not the retry, holds the current figures).
     */
    public boolean isRetryOf(Delivery d) {
        boolean fixed = centreId.equals(d.centreId()) && producerId.equals(d.producerId())
                && product.equals(d.product()) && deliveredAt.equals(stored(d.deliveredAt()))
                && recordedBy.equals(d.operatorId()) && unit.equals(d.unit()) && Objects.equals(shift, d.shift());
        if (!fixed || revision > 1) {
            return fixed;
        }
        return figures.quantity.compareTo(d.quantity()) == 0 && sameReadings(figures.readings, d.readings())
                && Objects.equals(parcelId, d.parcelId());
    }

    /**
     * Takes a corrected quantity and/or the complete corrected readings and is judged again by the clause
     * version it was first judged by, whatever amendments came since: the next revision. A correction
     * repeating the current figures is still a revision (someone stated them again, with a reason). A parcel
     * (one the caller checked is the producer's), when given, names where it was harvested.
     */
    public LotRevision correct(AgreementTerms terms, BigDecimal quantity, List<Reading> readings, UUID parcel,
            String reason, String by, Instant at) {
        if (isVoided()) {
            throw LotRuleException.voided("El lote está anulado; no se corrige");
        }
        if (quantity == null && readings == null && parcel == null) {
            throw LotRuleException.invalid("quantity", "indique la cantidad o las lecturas corregidas");
        }
        List<QualityParameter> clause = terms.version(agreementVersion).orElseThrow().quality();
        if (readings != null) {
            LotRuleException.refuseIfAny(QualityJudge.unfit(clause, readings));
        }
        if (parcel != null) {
            parcelId = parcel;
        }
        figures = LotFigures.judged(quantity == null ? figures.quantity : quantity,
                readings == null ? figures.readings : readings, clause);
        return next(LotRevision.Kind.CORRECTED, reason, by, at);
    }

    /**
     * A contested rejection overturned by its dispute: the next revision, accepted. With the counter-sample's
     * readings the lot is judged by its own clause version (the dispute found them passing); without them (an
     * untested dispute decided for the producer at its deadline) it is accepted as delivered, readings kept.
     */
    LotRevision overturn(List<QualityParameter> clause, List<Reading> retest, String reason, String by, Instant at) {
        if (isVoided()) {
            throw LotRuleException.voided("El lote está anulado; no se acepta por impugnación");
        }
        figures = retest == null ? figures.acceptedAsDelivered() : LotFigures.judged(figures.quantity, retest, clause);
        return next(LotRevision.Kind.CORRECTED, reason, by, at);
    }

    /** Voids a lot recorded by mistake: it stays on record, with its figures, but no longer counts. */
    public LotRevision voidLot(String reason, String by, Instant at) {
        if (isVoided()) {
            throw LotRuleException.voided("El lote ya está anulado");
        }
        status = LotStatus.VOIDED;
        return next(LotRevision.Kind.VOIDED, reason, by, at);
    }

    public boolean isVoided() {
        return status == LotStatus.VOIDED;
    }

    private LotRevision next(LotRevision.Kind kind, String reason, String by, Instant at) {
        revision++;
        updatedAt = at;
        return LotRevision.of(this, kind, reason, by, at);
    }

    /** The same parameters with equal values (whatever their scale) and results, in the same order. */
    static boolean sameReadings(List<Reading> stored, List<Reading> sent) {
        if (stored.size() != sent.size()) {
            return false;
        }
        for (int i = 0; i < stored.size(); i++) {
            Reading a = stored.get(i);
            Reading b = sent.get(i);
            if (!a.parameter().equals(b.parameter()) || !Objects.equals(a.result(), b.result())
                    || (a.value() == null) != (b.value() == null)
                    || (a.value() != null && a.value().compareTo(b.value()) != 0)) {
                return false;
            }
        }
        return true;
    }

    // PostgreSQL keeps microseconds; a device may send nanoseconds.
    private static Instant stored(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A dispute ("impugnación") of a rejected lot: the producer's side asks for the counter-sample
 * ("contramuestra") to be re-tested. Opened only on a lot whose latest revision is rejected, within the
 * contest window of the clause version that judged it, counted from the lot's recording. The re-test is
 * judged by that same clause version: passing, the dispute is OVERTURNED and the lot accepted with the
 * re-test's readings as its next revision; failing, it is UPHELD and the lot stays as it is. A dispute
 * nobody re-tested by its deadline (opening + the same window) is decided as the clause says: for the
 * producer (overturned, the lot accepted as delivered) or not (upheld). Decided, it never changes again.
 */
@Entity
@Table(name = "dispute")
public class Dispute {

    /** How a dispute was decided. */
    public enum Decision {
        RETEST,
        DEADLINE
    }

    /** A device or a lab's clock a little ahead is tolerated; a re-test further in the future is a mistake. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(10);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy 'a las' HH:mm");

    @Id
    public UUID id;

    /** The lot's organisation: the one that pays the producer. */
    public UUID organisationId;

    public UUID lotId;

    /** The lot's revision that was contested: its rejected figures. */
    public int lotRevision;

    public UUID centreId;

    public UUID producerId;

    public String reason;

    public String openedBy;

    public Instant openedAt;

    /** When an untested dispute is decided by the clause's rule. */
    public Instant deadline;

    /** What the clause version said an untested dispute comes to, as it stood when opened. */
    public boolean untestedFavoursProducer;

    @Enumerated(EnumType.STRING)
    public DisputeStatus status;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String decidedBy;

    public Instant decidedAt;

    public String testedBy;

    public Instant testedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reading> retestReadings;

    @Enumerated(EnumType.STRING)
    public Verdict retestVerdict;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RejectionReason> retestReasons;

    @Version
    public long version;

    /**
     * Opens a dispute of the lot's rejection, or refuses: a voided or accepted lot, a lot with an open dispute
     * or whose current revision was already contested ({@code earlier}: the lot's disputes), or the window of
     * the clause version that judged it closed ({@code zone}: the business zone the closing date is told in).
     */
    public static Dispute open(UUID id, Lot lot, TermsVersion clause, List<Dispute> earlier, String reason, String by,
            Instant now, ZoneId zone) {
        if (lot.isVoided()) {
            throw LotRuleException.voided("El lote " + lot.id + " está anulado; no se impugna");
        }
        if (lot.figures.verdict != Verdict.REJECTED) {
            throw LotRuleException.refused(LotsProblem.LOT_NOT_REJECTED,
                    "El lote " + lot.id + " está aceptado (revisión "
                            + lot.revision + "); solo se impugna un lote rechazado");
        }
        refuseIfContested(lot, earlier);
        Instant closes = lot.recordedAt.plus(clause.contestWindow());
        if (now.isAfter(closes)) {
            throw LotRuleException.refused(LotsProblem.CONTEST_WINDOW_CLOSED, "El plazo para impugnar venció el "
                    + WHEN.format(closes.atZone(zone)) + " (" + clause.contestWindow().toHours()
                    + " h desde el registro del lote, según la versión " + clause.number() + " del acuerdo)");
        }
        Dispute d = new Dispute();
        d.id = id;
        d.organisationId = lot.organisationId;
        d.lotId = lot.id;
        d.lotRevision = lot.revision;
        d.centreId = lot.centreId;
        d.producerId = lot.producerId;
        d.reason = reason;
        d.openedBy = by;
        d.openedAt = now.truncatedTo(ChronoUnit.MICROS);
        d.deadline = d.openedAt.plus(clause.contestWindow());
        d.untestedFavoursProducer = clause.untestedFavoursProducer();
        d.status = DisputeStatus.OPEN;
        return d;
    }

    private static void refuseIfContested(Lot lot, List<Dispute> earlier) {
        for (Dispute d : earlier) {
            if (d.isOpen()) {
                throw LotRuleException.refused(LotsProblem.LOT_ALREADY_CONTESTED, "El lote " + lot.id
                        + " ya tiene una impugnación abierta (" + d.id + ")");
            }
            if (d.lotRevision == lot.revision) {
                throw LotRuleException.refused(LotsProblem.LOT_ALREADY_CONTESTED, "La revisión " + lot.revision
                        + " del lote " + lot.id + " ya se impugnó (" + d.id + ": " + d.status.label() + ")");
            }
        }
    }

    /** Whether a request to open a dispute with this id is this one sent again. */
    public boolean isRepeatOf(UUID lot, String requestReason) {
        return lotId.equals(lot) && reason.equals(requestReason);
    }

    /** Whether a re-test sent again is the one that decided this dispute. */
    public boolean isRepeatOf(Retest retest) {
        return decision == Decision.RETEST && testedBy.equals(retest.testedBy())
                && testedAt.equals(retest.testedAt().truncatedTo(ChronoUnit.MICROS))
                && Lot.sameReadings(retestReadings, retest.readings());
    }

    public boolean isOpen() {
        return status == DisputeStatus.OPEN;
    }

    /**
     * Decides the dispute by the counter-sample's re-test, judged by the clause version that judged the lot:
     * the lot's new accepted revision when overturned, nothing when upheld. Refused once decided.
     */
    public Optional<LotRevision> retest(Retest retest, Lot lot, TermsVersion clause, String by, Instant now) {
        refuseIfDecided();
        if (lot.isVoided()) {
            throw LotRuleException.voided("El lote " + lot.id + " está anulado; su impugnación no se decide");
        }
        List<Violation> violations = new ArrayList<>();
        if (retest.testedAt().isAfter(now.plus(CLOCK_SKEW))) {
            violations.add(new Violation("testedAt", "no puede ser futura"));
        } else if (retest.testedAt().isBefore(lot.deliveredAt)) {
            violations.add(new Violation("testedAt", "es anterior a la entrega del lote"));
        }
        violations.addAll(QualityJudge.unfit(clause.quality(), retest.readings()));
        LotRuleException.refuseIfAny(violations);
        QualityJudge.Judgement judgement = QualityJudge.judge(clause.quality(), retest.readings());
        testedBy = retest.testedBy();
        testedAt = retest.testedAt().truncatedTo(ChronoUnit.MICROS);
        retestReadings = List.copyOf(retest.readings());
        retestVerdict = judgement.verdict();
        retestReasons = judgement.reasons();
        decide(Decision.RETEST, judgement.verdict() == Verdict.ACCEPTED, by, now);
        if (status == DisputeStatus.UPHELD) {
            return Optional.empty();
        }
        return Optional.of(lot.overturn(clause.quality(), retestReadings, "Contramuestra analizada por " + testedBy
                + ": aprobada; se acepta el lote (impugnación " + id + ")", by, now));
    }

    /** Whether the dispute is open and its deadline has come: the clause's rule decides it. */
    public boolean isOverdue(Instant now) {
        return isOpen() && !now.isBefore(deadline);
    }

    /**
     * An overdue dispute nobody re-tested, decided as its clause said: for the producer, the lot accepted as
     * delivered (its next revision); otherwise upheld. A lot voided meanwhile no longer counts: upheld.
     */
    public Optional<LotRevision> decideUntested(Lot lot, String by, Instant now) {
        refuseIfDecided();
        boolean overturned = untestedFavoursProducer && !lot.isVoided();
        decide(Decision.DEADLINE, overturned, by, now);
        if (!overturned) {
            return Optional.empty();
        }
        return Optional.of(lot.overturn(null, null, "Impugnación " + id + " sin contramuestra analizada al "
                + "vencer su plazo: se acepta el lote según el acuerdo", by, now));
    }

    private void refuseIfDecided() {
        if (!isOpen()) {
            throw LotRuleException.refused(LotsProblem.DISPUTE_DECIDED, "La impugnación " + id + " ya se decidió: "
                    + status.label() + (decision == Decision.RETEST ? " por la contramuestra" : " al vencer su plazo"));
        }
    }

    private void decide(Decision how, boolean overturned, String by, Instant now) {
        decision = how;
        status = overturned ? DisputeStatus.OVERTURNED : DisputeStatus.UPHELD;
        decidedBy = by;
        decidedAt = now;
    }
}

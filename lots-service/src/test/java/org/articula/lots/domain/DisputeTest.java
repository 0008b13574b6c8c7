package org.articula.lots.domain;

import static org.articula.lots.domain.QualityJudgeTest.MILK;
import static org.articula.lots.domain.QualityJudgeTest.milk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.platform.problem.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A dispute of a rejected lot: opened within the clause's window from the lot's recording, decided by the
 * counter-sample's re-test under the clause version that judged the lot, or by the clause's rule at its deadline.
 */
class DisputeTest {

    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final Instant DELIVERED = Instant.parse("2026-11-20T11:30:00Z");
    static final Instant RECORDED = Instant.parse("2026-11-20T11:31:00Z");
    static final Instant NEXT_DAY = RECORDED.plusSeconds(24 * 3600);

    AgreementTerms agreement;
    Lot lot;

    @BeforeEach
    void aLotRejectedForLowSolidsUnderA48HourWindow() {
        agreement = agreement(null, null);
        recordRejectedLot();
    }

    @Test
    void aRejectionIsContestedWithinTheWindowCountedFromTheLotsRecording() {
        Dispute d = open(RECORDED.plusSeconds(48 * 3600));
        assertEquals(DisputeStatus.OPEN, d.status);
        assertEquals(1, d.lotRevision);
        assertEquals(RECORDED.plusSeconds(96 * 3600), d.deadline); // opened + the same 48 h to re-test
        assertTrue(d.untestedFavoursProducer);

        var late = assertThrows(LotRuleException.class, () -> open(RECORDED.plusSeconds(48 * 3600 + 1)));
        assertEquals(LotsProblem.CONTEST_WINDOW_CLOSED, late.type());
        // 11:31 UTC is 06:31 in Lima.
        assertTrue(late.problem().detail().contains("venció el 22/11/2026 a las 06:31 (48 h"), late.problem().detail());
    }

    @Test
    void theClausesOwnWindowCountsAndOldVersionsWithoutOneGet48Hours() {
        agreement = agreement(12, false);
        recordRejectedLot();
        assertThrows(LotRuleException.class, () -> open(RECORDED.plusSeconds(13 * 3600)));
        Dispute d = open(RECORDED.plusSeconds(11 * 3600));
        assertEquals(RECORDED.plusSeconds(23 * 3600), d.deadline);
        assertEquals(false, d.untestedFavoursProducer);
    }

    @Test
    void onlyARejectedLiveLotWithoutAnotherDisputeIsContested() {
        Dispute first = open(NEXT_DAY);
        var again = assertThrows(LotRuleException.class, () -> Dispute.open(UUID.randomUUID(), lot, clause(),
                List.of(first), "otra", "Rosa", NEXT_DAY, LIMA));
        assertEquals(LotsProblem.LOT_ALREADY_CONTESTED, again.type());

        first.retest(retest("11.1"), lot, clause(), "Julia", NEXT_DAY);
        var decidedRevision = assertThrows(LotRuleException.class, () -> Dispute.open(UUID.randomUUID(), lot, clause(),
                List.of(first), "otra", "Rosa", NEXT_DAY, LIMA));
        assertEquals(LotsProblem.LOT_ALREADY_CONTESTED, decidedRevision.type());

        lot.correct(agreement, null, milk("11.8", "6.5", false), null, "lectura mal copiada", "Julia", NEXT_DAY);
        var accepted = assertThrows(LotRuleException.class, () -> open(NEXT_DAY));
        assertEquals(LotsProblem.LOT_NOT_REJECTED, accepted.type());

        lot.voidLot("registrado dos veces", "Julia", NEXT_DAY);
        assertEquals(LotsProblem.LOT_VOIDED, assertThrows(LotRuleException.class, () -> open(NEXT_DAY)).type());
    }

    @Test
    void aPassingReTestOverturnsAndTheLotIsAcceptedWithItsReadingsAsTheNextRevision() {
        Dispute d = open(NEXT_DAY);
        Optional<LotRevision> revision = d.retest(retest("11.7"), lot, clause(), "Julia", NEXT_DAY.plusSeconds(60));

        assertEquals(DisputeStatus.OVERTURNED, d.status);
        assertEquals(Dispute.Decision.RETEST, d.decision);
        assertEquals(Verdict.ACCEPTED, d.retestVerdict);
        assertEquals(2, lot.revision);
        assertEquals(Verdict.ACCEPTED, lot.figures.verdict);
        assertEquals(new BigDecimal("11.7"), lot.figures.readings.get(0).value());
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity); // the quantity delivered stays
        assertEquals(LotRevision.Kind.CORRECTED, revision.orElseThrow().kind);
        assertTrue(revision.get().reason.startsWith("Contramuestra analizada por Laboratorio Lácteo Trujillo"));
        assertTrue(d.isRepeatOf(retest("11.7")));

        var decided = assertThrows(LotRuleException.class, () -> d.retest(retest("11.9"), lot, clause(), "Julia",
                NEXT_DAY));
        assertEquals(LotsProblem.DISPUTE_DECIDED, decided.type());
    }

    @Test
    void aFailingReTestUpholdsTheRejectionAndLeavesTheLotAsItWas() {
        Dispute d = open(NEXT_DAY);
        assertEquals(Optional.empty(), d.retest(retest("11.3"), lot, clause(), "Julia", NEXT_DAY));
        assertEquals(DisputeStatus.UPHELD, d.status);
        assertEquals(RejectionReason.Code.BELOW_MIN, d.retestReasons.get(0).code());
        assertEquals(1, lot.revision);
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
    }

    @Test
    void aReTestIsJudgedByTheClauseVersionThatJudgedTheLotAndMustBeJudgeable() {
        Dispute d = open(NEXT_DAY);
        var unfit = assertThrows(LotRuleException.class, () -> d.retest(new Retest("Lab", NEXT_DAY,
                List.of(new Reading("total_solids", null, true, null, null, null))), lot, clause(), "Julia", NEXT_DAY));
        assertEquals(ProblemType.VALIDATION, unfit.type());
        assertEquals("readings[0].value", unfit.problem().violations().get(0).field());
        var future = assertThrows(LotRuleException.class, () -> d.retest(new Retest("Lab", NEXT_DAY.plusSeconds(3600),
                milk("11.7", "6.5", false)), lot, clause(), "Julia", NEXT_DAY));
        assertEquals("testedAt", future.problem().violations().get(0).field());
        assertTrue(d.isOpen());
        assertEquals(1, lot.revision);
    }

    @Test
    void anUntestedDisputeIsDecidedAtItsDeadlineAsTheClauseSays() {
        Dispute forProducer = open(NEXT_DAY);
        assertEquals(false, forProducer.isOverdue(forProducer.deadline.minusNanos(1000)));
        assertTrue(forProducer.isOverdue(forProducer.deadline));
        LotRevision accepted = forProducer.decideUntested(lot, "sistema", forProducer.deadline).orElseThrow();
        assertEquals(DisputeStatus.OVERTURNED, forProducer.status);
        assertEquals(Dispute.Decision.DEADLINE, forProducer.decision);
        assertEquals(Verdict.ACCEPTED, accepted.figures.verdict);
        assertEquals(List.of(), accepted.figures.reasons);
        assertEquals(new BigDecimal("11.2"), accepted.figures.readings.get(0).value()); // as delivered

        agreement = agreement(null, false);
        recordRejectedLot();
        Dispute against = open(NEXT_DAY);
        assertEquals(Optional.empty(), against.decideUntested(lot, "sistema", against.deadline));
        assertEquals(DisputeStatus.UPHELD, against.status);
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
    }

    private void recordRejectedLot() {
        lot = Lot.record(
                new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "milk",
                        new BigDecimal("18.5"), "L", DELIVERED, Shift.MORNING, milk("11.2", "6.5", false)),
                agreement, DAY, RECORDED);
    }

    private Dispute open(Instant at) {
        return Dispute.open(UUID.randomUUID(), lot, clause(), List.of(), "la muestra se tomó mal", "Rosa", at, LIMA);
    }

    private TermsVersion clause() {
        return agreement.version(lot.agreementVersion).orElseThrow();
    }

    private static Retest retest(String solids) {
        return new Retest("Laboratorio Lácteo Trujillo", NEXT_DAY, milk(solids, "6.5", false));
    }

    private static AgreementTerms agreement(Integer windowHours, Boolean favoursProducer) {
        AgreementTerms a = new AgreementTerms();
        a.id = UUID.randomUUID();
        a.organisationId = UUID.randomUUID();
        a.unit = "L";
        a.versions = List.of(new TermsVersion(1, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), MILK,
                windowHours, favoursProducer));
        return a;
    }
}

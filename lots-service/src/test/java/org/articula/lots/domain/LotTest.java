package org.articula.lots.domain;

import static org.articula.lots.domain.QualityJudgeTest.MILK;
import static org.articula.lots.domain.QualityJudgeTest.milk;
import static org.articula.lots.domain.QualityJudgeTest.reading;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A lot records, corrects and voids itself: revision 1 as recorded and one more per change, a correction
 * judged by the clause version the lot was first judged by, and a voided lot that never changes again.
 */
class LotTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final LocalDate AMENDED = LocalDate.of(2026, 11, 21);
    static final Instant DELIVERED = Instant.parse("2026-11-20T11:30:00.123456789Z");
    static final Instant RECORDED = Instant.parse("2026-11-20T11:31:00Z");
    static final Instant LATER = Instant.parse("2026-11-22T15:00:00Z");

    final UUID id = UUID.randomUUID();
    final UUID centre = UUID.randomUUID();
    final UUID operator = UUID.randomUUID();
    final UUID producer = UUID.randomUUID();
    AgreementTerms milkAgreement;
    Lot lot;

    @BeforeEach
    void aLotOfSolidsTooLowForItsClause() {
        milkAgreement = new AgreementTerms();
        milkAgreement.id = UUID.randomUUID();
        milkAgreement.organisationId = UUID.randomUUID();
        milkAgreement.unit = "L";
        List<QualityParameter> stricter = new ArrayList<>(MILK);
        stricter.set(0, QualityJudgeTest.measured("total_solids", "Sólidos totales", "%", "12.0", null, true));
        milkAgreement.versions = List.of(
                new TermsVersion(1, LocalDate.of(2026, 1, 1), AMENDED.minusDays(1), MILK),
                new TermsVersion(2, AMENDED, LocalDate.of(2026, 12, 31), stricter));
        lot = Lot.record(delivery("18.5", milk("11.2", "6.5", false)), milkAgreement, DAY, RECORDED);
    }

    @Test
    void aRecordedLotIsRevisionOneJudgedByTheVersionGoverningItsDay() {
        assertEquals(1, lot.revision);
        assertEquals(LotStatus.RECORDED, lot.status);
        assertEquals(1, lot.agreementVersion);
        assertEquals(milkAgreement.organisationId, lot.organisationId);
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
        assertEquals(List.of(RejectionReason.Code.BELOW_MIN),
                lot.figures.reasons.stream().map(RejectionReason::code).toList());
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity); // the gram or millilitre the column keeps
        assertEquals(Instant.parse("2026-11-20T11:30:00.123456Z"), lot.deliveredAt); // PostgreSQL's microseconds
        assertEquals(RECORDED, lot.updatedAt);

        LotRevision first = lot.asRecorded("Julia Ramos");
        assertEquals(LotRevision.Kind.RECORDED, first.kind);
        assertEquals(1, first.revision);
        assertEquals("Julia Ramos", first.changedBy);
        assertNull(first.reason);
        assertEquals(Verdict.REJECTED, first.figures.verdict);
    }

    @Test
    void aDeliveryInAnotherUnitOrWithReadingsItsClauseCannotJudgeIsNotRecorded() {
        Delivery inKilos = new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "milk", new BigDecimal("18.5"), "kg", DELIVERED, Shift.MORNING,
                List.of(reading("total_solids", "11.8"), reading("total_solids", "11.9")));

        LotRuleException refused = assertThrows(LotRuleException.class,
                () -> Lot.record(inKilos, milkAgreement, DAY, RECORDED));

        assertEquals(ProblemType.VALIDATION, refused.type());
        assertEquals(List.of(new Violation("unit", "el acuerdo mide milk en L"),
                new Violation("readings[1].parameter", "lectura repetida de total_solids")),
                refused.problem().violations());
    }

    @Test
    void aCorrectionIsTheNextRevisionWithTheNewReadingsJudgedAgain() {
        LotRevision revision = lot.correct(milkAgreement, null, milk("11.8", "6.5", false),
                null, "lactodensímetro mal calibrado", "Julia Ramos", LATER);

        assertEquals(2, lot.revision);
        assertEquals(Verdict.ACCEPTED, lot.figures.verdict);
        assertEquals(List.of(), lot.figures.reasons);
        assertEquals(new BigDecimal("11.8"), lot.figures.readings.get(0).value());
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity); // not corrected, kept
        assertEquals(LATER, lot.updatedAt);
        assertEquals(RECORDED, lot.recordedAt);

        assertEquals(LotRevision.Kind.CORRECTED, revision.kind);
        assertEquals(2, revision.revision);
        assertEquals(lot.id, revision.lotId);
        assertEquals("lactodensímetro mal calibrado", revision.reason);
        assertEquals("Julia Ramos", revision.changedBy);
        assertEquals(LATER, revision.changedAt);
        assertEquals(Verdict.ACCEPTED, revision.figures.verdict);
        assertNotSame(lot.figures, revision.figures);
    }

    @Test
    void aCorrectedQuantityKeepsTheReadingsAndTheirVerdict() {
        lot.correct(milkAgreement, new BigDecimal("17.25"), null, null, "balanza", "Julia Ramos", LATER);

        assertEquals(2, lot.revision);
        assertEquals(new BigDecimal("17.250"), lot.figures.quantity);
        assertEquals(new BigDecimal("11.2"), lot.figures.readings.get(0).value());
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
    }

    @Test
    void aCorrectionIsJudgedByTheVersionTheLotWasJudgedByNotByALaterAmendment() {
        // 11.8 % passes version 1 (11.5) and fails version 2 (12.0), in force when the correction is made
        lot.correct(milkAgreement, null, milk("11.8", "6.5", false), null, "nueva muestra", "Julia Ramos", LATER);

        assertEquals(1, lot.agreementVersion);
        assertEquals(Verdict.ACCEPTED, lot.figures.verdict);
    }

    @Test
    void aCorrectionRepeatingTheCurrentFiguresIsStillARevision() {
        LotRevision revision = lot.correct(milkAgreement, new BigDecimal("18.5"), milk("11.2", "6.5", false),
                null, "verificado", "Julia Ramos", LATER);

        assertEquals(2, lot.revision);
        assertEquals(2, revision.revision);
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity);
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
    }

    @Test
    void aCorrectionMustNameAQuantityOrReadingsItsClauseCanJudge() {
        LotRuleException empty = assertThrows(LotRuleException.class,
                () -> lot.correct(milkAgreement, null, null, null, "nada", "Julia Ramos", LATER));
        assertEquals(ProblemType.VALIDATION, empty.type());
        assertEquals(List.of(new Violation("quantity", "indique la cantidad o las lecturas corregidas")),
                empty.problem().violations());

        LotRuleException unfit = assertThrows(LotRuleException.class, () -> lot.correct(milkAgreement, null,
                List.of(reading("antibiotics", "0")), null, "x", "Julia Ramos", LATER));
        assertEquals("readings[0].result", unfit.problem().violations().get(0).field());

        assertEquals(1, lot.revision);
        assertEquals(new BigDecimal("11.2"), lot.figures.readings.get(0).value());
    }

    @Test
    void aVoidedLotStaysOnRecordWithItsFiguresAsTheNextRevision() {
        LotRevision revision = lot.voidLot("registrado dos veces", "Julia Ramos", LATER);

        assertTrue(lot.isVoided());
        assertEquals(2, lot.revision);
        assertEquals(Verdict.REJECTED, lot.figures.verdict);
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity);
        assertEquals(LotRevision.Kind.VOIDED, revision.kind);
        assertEquals(LotStatus.VOIDED, revision.status);
        assertEquals("registrado dos veces", revision.reason);
    }

    @Test
    void aVoidedLotIsNeitherCorrectedNorVoidedAgain() {
        lot.voidLot("registrado dos veces", "Julia Ramos", LATER);

        LotRuleException correcting = assertThrows(LotRuleException.class, () -> lot.correct(milkAgreement,
                new BigDecimal("17"), null, null, "x", "Julia Ramos", LATER.plusSeconds(60)));
        LotRuleException voidingAgain = assertThrows(LotRuleException.class,
                () -> lot.voidLot("otra vez", "Julia Ramos", LATER.plusSeconds(60)));

        for (LotRuleException refused : List.of(correcting, voidingAgain)) {
            Problem problem = refused.problem();
            assertEquals(LotsProblem.LOT_VOIDED, refused.type());
            assertEquals(409, problem.status());
        }
        assertEquals("El lote está anulado; no se corrige", correcting.getMessage());
        assertEquals("El lote ya está anulado", voidingAgain.getMessage());
        assertEquals(2, lot.revision);
        assertEquals(new BigDecimal("18.500"), lot.figures.quantity);
        assertEquals(LATER, lot.updatedAt);
    }

    @Test
    void anEarlierRevisionKeepsTheFiguresItHadThen() {
        LotRevision first = lot.asRecorded("Julia Ramos");
        lot.correct(milkAgreement, new BigDecimal("20"), milk("11.8", "6.5", false), null, "x", "Julia Ramos", LATER);

        assertEquals(new BigDecimal("18.500"), first.figures.quantity);
        assertEquals(Verdict.REJECTED, first.figures.verdict);
    }

    @Test
    void aRetryRepeatsTheDeliveryAndOnceCorrectedNeedNotRepeatItsFigures() {
        Delivery sent = delivery("18.5", milk("11.2", "6.5", false));
        assertTrue(lot.isRetryOf(sent));
        assertTrue(lot.isRetryOf(withQuantity(sent, "18.500"))); // the same figure at another scale
        assertFalse(lot.isRetryOf(withQuantity(sent, "18.6")));
        assertFalse(lot.isRetryOf(new Delivery(sent.id(), sent.centreId(), sent.operatorId(), sent.producerId(),
                sent.product(), sent.quantity(), sent.unit(), sent.deliveredAt(), sent.shift(),
                milk("11.3", "6.5", false))));
        assertFalse(lot.isRetryOf(new Delivery(sent.id(), UUID.randomUUID(), sent.operatorId(), sent.producerId(),
                sent.product(), sent.quantity(), sent.unit(), sent.deliveredAt(), sent.shift(), sent.readings())));

        lot.correct(milkAgreement, new BigDecimal("17"), null, null, "balanza", "Julia Ramos", LATER);

        assertTrue(lot.isRetryOf(sent)); // the device still sends what it first recorded
        assertFalse(lot.isRetryOf(new Delivery(sent.id(), sent.centreId(), sent.operatorId(), sent.producerId(),
                sent.product(), sent.quantity(), sent.unit(), DELIVERED.plusSeconds(1), sent.shift(),
                sent.readings())));
    }

    private Delivery delivery(String quantity, List<Reading> readings) {
        return new Delivery(id, centre, operator, producer, "milk", new BigDecimal(quantity), "L", DELIVERED,
                Shift.MORNING, readings);
    }

    private static Delivery withQuantity(Delivery d, String quantity) {
        return new Delivery(d.id(), d.centreId(), d.operatorId(), d.producerId(), d.product(),
                new BigDecimal(quantity), d.unit(), d.deliveredAt(), d.shift(), d.readings());
    }
}

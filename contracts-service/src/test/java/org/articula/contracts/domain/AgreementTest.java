package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The calendar rules of one agreement: which version governs a day, and on which days it binds. */
class AgreementTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    Agreement agreement;

    @BeforeEach
    void signedMilkAgreement() {
        agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.startDate = START;
        agreement.endDate = END;
        agreement.status = AgreementStatus.DRAFT;
        agreement.addVersion(UUID.randomUUID(), START, clauses("1.03"), null, "Carmen", NOW);
    }

    @Test
    void eachDayIsGovernedByTheLastVersionEffectiveOnOrBeforeIt() {
        agreement.activate(TODAY, "Carmen", NOW);
        agreement.addVersion(UUID.randomUUID(), LocalDate.of(2026, 6, 16), clauses("1.08"), "precio", "Luis", NOW);

        assertEquals(1, agreement.versionOn(LocalDate.of(2026, 6, 15)).orElseThrow().number);
        assertEquals(2, agreement.versionOn(LocalDate.of(2026, 6, 16)).orElseThrow().number);
        assertEquals(2, agreement.versionOn(END).orElseThrow().number);
        assertTrue(agreement.versionOn(START.minusDays(1)).isEmpty());
        assertTrue(agreement.versionOn(END.plusDays(1)).isEmpty());
    }

    @Test
    void anAmendmentMustFollowTheLatestVersionAndFallWithinValidity() {
        agreement.activate(TODAY, "Carmen", NOW);
        agreement.addVersion(UUID.randomUUID(), LocalDate.of(2026, 6, 16), clauses("1.08"), "precio", "Luis", NOW);

        var sameDay = assertThrows(AgreementRuleException.class, () -> agreement.addVersion(UUID.randomUUID(),
                LocalDate.of(2026, 6, 16), clauses("1.10"), "x", "Luis", NOW));
        assertEquals("effectiveFrom", sameDay.field());
        assertThrows(AgreementRuleException.class, () -> agreement.addVersion(UUID.randomUUID(),
                END.plusDays(1), clauses("1.10"), "x", "Luis", NOW));
    }

    @Test
    void suspensionsAreCutOutAndTerminationEndsTheDayBefore() {
        agreement.activate(TODAY, "Carmen", NOW);
        agreement.suspend(LocalDate.of(2026, 3, 10), "antibióticos", TODAY, "Carmen", NOW);
        agreement.reactivate(LocalDate.of(2026, 3, 20), null, TODAY, "Carmen", NOW);
        agreement.terminate(TerminationReason.BUYER_STOPPED, null, LocalDate.of(2026, 9, 1), TODAY, "Carmen", NOW);

        assertEquals(List.of(new Period(START, LocalDate.of(2026, 3, 9)),
                new Period(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 8, 31))), agreement.periodsInForce());
        assertFalse(agreement.inForceOn(LocalDate.of(2026, 3, 15)));
        assertFalse(agreement.inForceOn(LocalDate.of(2026, 9, 1)));
        assertTrue(agreement.inForceOn(LocalDate.of(2026, 8, 31)));
    }

    @Test
    void anExpiredAgreementBoundUntilItsLastDay() {
        agreement.activate(TODAY, "Carmen", NOW);
        agreement.expire("sistema", NOW);

        assertEquals(List.of(new Period(START, END)), agreement.periodsInForce());
        assertEquals(END.plusDays(1), agreement.transitions.get(1).effectiveOn);
    }

    @Test
    void aChangeCannotPredateThePreviousOneNorLieInTheFuture() {
        agreement.activate(TODAY, "Carmen", NOW);
        agreement.suspend(LocalDate.of(2026, 3, 10), null, TODAY, "Carmen", NOW);

        assertEquals("effectiveOn", assertThrows(AgreementRuleException.class, () -> agreement
                .reactivate(LocalDate.of(2026, 3, 9), null, TODAY, "Carmen", NOW)).field());
        assertEquals("effectiveOn", assertThrows(AgreementRuleException.class, () -> agreement
                .reactivate(TODAY.plusDays(1), null, TODAY, "Carmen", NOW)).field());
    }

    @Test
    void onlyTheLifecycleMovesAreAllowed() {
        var e = assertThrows(AgreementRuleException.class, () -> agreement.suspend(TODAY, null, TODAY, "x", NOW));
        assertEquals(AgreementRuleException.Kind.INVALID_TRANSITION, e.kind());
        assertThrows(AgreementRuleException.class, () -> agreement.reactivate(TODAY, null, TODAY, "x", NOW));
        agreement.activate(TODAY, "Carmen", NOW);
        assertThrows(AgreementRuleException.class, () -> agreement.activate(TODAY, "x", NOW));
        agreement.terminate(TerminationReason.MUTUAL, null, TODAY, TODAY, "Carmen", NOW);
        assertThrows(AgreementRuleException.class, () -> agreement.expire("sistema", NOW));
        assertTrue(agreement.periodsInForce().stream().allMatch(p -> p.to().isBefore(TODAY)));
    }

    private static Clauses clauses(String basePrice) {
        QualityClause quality = new QualityClause(List.of(new QualityParameter("total_solids", "Sólidos totales",
                ParameterKind.NUMERIC, "%", new BigDecimal("11.5"), null, null, true)));
        PriceClause price = new PriceClause("PEN", new BigDecimal(basePrice), List.of(), List.of(),
                PaymentFrequency.FORTNIGHTLY, 7);
        return new Clauses(quality, null, price, null).withDefaults();
    }
}

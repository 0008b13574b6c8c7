package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incentive and sanction rules, punctuality and trend with figures worked by hand. */
class ComplianceRuleTest {

    static final Fortnight F1 = Fortnight.of(LocalDate.of(2026, 1, 1));
    static final Fortnight F2 = F1.next();
    static final Fortnight F3 = F2.next();
    static final ComplianceRule BONUS = new ComplianceRule(ComplianceRule.ACCEPTANCE_BONUS, 2, new BigDecimal("95"),
            new BigDecimal("0.02"), null);
    static final ComplianceRule SUSPENSION = new ComplianceRule(ComplianceRule.UNDER_COMMITMENT, 3, null, null,
            "SUSPENSION_PROPOSED");

    /** committed 150 with 10 % tolerance: threshold 135. */
    static ComplianceFigures figures(Fortnight f, String delivered, String accepted) {
        return new ComplianceFigures(f, new BigDecimal("150"), new BigDecimal("135.000"), new BigDecimal(delivered),
                new BigDecimal(accepted), f.end().plusDays(7), null);
    }

    @Test
    void acceptanceOf95PercentTwiceInARowEarnsTheBonusComparedExactly() {
        // 95 of 100 is exactly 95 %: met; 94.99 of 100 is not, though it shows as 94.99
        assertTrue(BONUS.evaluate(List.of(figures(F1, "100", "95"), figures(F2, "200", "200"))).isPresent());
        assertFalse(BONUS.evaluate(List.of(figures(F1, "100", "94.99"), figures(F2, "200", "200"))).isPresent());
        // 96.15 % (100 of 104) then 100 %: met, with both fortnights as the figures that earned it
        var met = BONUS.evaluate(List.of(figures(F1, "104", "100"), figures(F2, "120", "120"))).orElseThrow();
        assertEquals(List.of(F1, F2), met.streak().stream().map(ComplianceFigures::fortnight).toList());
        assertEquals(new BigDecimal("96.15"), met.streak().get(0).acceptancePercent());
        // a fortnight without deliveries breaks the streak; a history shorter than the streak never meets it
        assertFalse(BONUS.evaluate(List.of(ComplianceFigures.blank(F1), figures(F2, "120", "120"))).isPresent());
        assertFalse(BONUS.evaluate(List.of(figures(F2, "120", "120"))).isPresent());
        assertTrue(BONUS.movesMoney());
    }

    @Test
    void threeFortnightsBelowTheThresholdInARowProposeSuspension() {
        // 134.999 < 135 is short; 135 is not (the tolerance is an allowance)
        assertTrue(SUSPENSION.evaluate(List.of(figures(F1, "100", "100"), figures(F2, "140", "134.999"),
                figures(F3, "0", "0"))).isPresent());
        assertFalse(SUSPENSION.evaluate(List.of(figures(F1, "100", "100"), figures(F2, "135", "135"),
                figures(F3, "0", "0"))).isPresent());
        // without a commitment nothing is short
        assertFalse(SUSPENSION.evaluate(List.of(ComplianceFigures.blank(F1), ComplianceFigures.blank(F2),
                ComplianceFigures.blank(F3))).isPresent());
        assertFalse(SUSPENSION.movesMoney());
        assertEquals("UNDER_COMMITMENT/3/SUSPENSION_PROPOSED", SUSPENSION.key());
    }

    @Test
    void theBuyersPaymentIsLateByTheDaysAfterTheDueDateAndUnpaidOnceDueWithoutRemittance() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        // F1 due 22/01 (15/01 + 7): paid 27/01 is 5 days late; paid 22/01 on time; nothing paid: unpaid
        ComplianceFigures late = paid(F1, LocalDate.of(2026, 1, 27));
        assertEquals(5, late.daysLate());
        assertEquals(ComplianceFigures.Payment.LATE, late.payment(today));
        assertEquals(0, paid(F1, LocalDate.of(2026, 1, 22)).daysLate());
        ComplianceFigures unpaid = paid(F3, null);
        assertNull(unpaid.daysLate());
        assertEquals(ComplianceFigures.Payment.UNPAID, unpaid.payment(today));
        assertEquals(ComplianceFigures.Payment.PENDING, unpaid.payment(LocalDate.of(2026, 2, 22)));
        assertEquals(ComplianceFigures.Payment.NOTHING_DUE, ComplianceFigures.blank(F2).payment(today));
        assertEquals(new Punctuality(3, 1, 1, 1, 5, 5), Punctuality.of(List.of(late,
                paid(F2, LocalDate.of(2026, 2, 6)), unpaid, ComplianceFigures.blank(F3)), today));
    }

    @Test
    void theTrendComparesTheLaterHalfsMeanAcceptanceWithTheEarlierHalfs() {
        // 96.15 then 100 and 100: later 100 against earlier 96.15 (the middle one left out): up 3.85
        assertEquals("UP", ComplianceTrend.direction(java.util.Arrays.asList(null, null, null,
                new BigDecimal("96.15"), new BigDecimal("100"), new BigDecimal("100"))));
        // 90, 92 | 91.5, 91: 91.25 against 91.00, a quarter point: stable
        assertEquals("STABLE", ComplianceTrend.direction(List.of(new BigDecimal("90"), new BigDecimal("92"),
                new BigDecimal("91.5"), new BigDecimal("91"))));
        assertEquals("DOWN", ComplianceTrend.direction(List.of(new BigDecimal("99"), new BigDecimal("97.99"))));
        assertEquals("UNKNOWN", ComplianceTrend.direction(java.util.Arrays.asList(null, new BigDecimal("99"))));
    }

    @Test
    void aHistoryFillsTheFortnightsWithoutFiguresAndCountsBackAcrossMonths() {
        assertEquals(Fortnight.of(LocalDate.of(2025, 11, 16)), ComplianceFigures.before(F3, 5));
        List<ComplianceFigures> history = ComplianceFigures.history(List.of(figures(F2, "1", "1")), F1, F3);
        assertEquals(List.of(F1, F2, F3), history.stream().map(ComplianceFigures::fortnight).toList());
        assertEquals(BigDecimal.ZERO, history.get(0).delivered());
        assertEquals(new BigDecimal("135.000"), figures(F1, "1", "1").thresholdShown());
    }

    private static ComplianceFigures paid(Fortnight f, LocalDate on) {
        return new ComplianceFigures(f, null, null, BigDecimal.TEN, BigDecimal.TEN, f.end().plusDays(7), on);
    }
}

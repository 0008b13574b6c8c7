package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The buyer's assistance against the clause's promise, per agreement and per buyer, worked by hand. */
class AssistanceMonthTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Test
    void twoOfFourPromisedVisitsLeaveAShortfallOfTwo() {
        AssistanceMonth october = AssistanceMonth.of(OCTOBER, "TECHNICAL_VISITS", 4, 2);

        assertEquals(2, october.shortfall());
    }

    @Test
    void moreVisitsThanPromisedLeaveNoShortfall() {
        assertEquals(0, AssistanceMonth.of(OCTOBER, "TECHNICAL_VISITS", 4, 6).shortfall());
        assertEquals(0, AssistanceMonth.of(OCTOBER, "TECHNICAL_VISITS", 4, 4).shortfall());
    }

    /**
     * Rosa is promised 4 visits in October and got 6, Julio 4 and got 1, both under the same buyer: 8 promised,
     * 7 delivered, and a shortfall of 0 + 3 = 3 (Rosa's extra visits do not make up for Julio's missing ones).
     * In November only Rosa's agreement promises training: 1 promised, none given.
     */
    @Test
    void aBuyersShortfallIsTheSumOfEachAgreementsPerMonthAndKind() {
        List<AssistanceMonth> buyer = AssistanceMonth.perBuyer(List.of(
                AssistanceMonth.of(NOVEMBER, "TRAINING", 1, 0),
                AssistanceMonth.of(OCTOBER, "TECHNICAL_VISITS", 4, 6),
                AssistanceMonth.of(OCTOBER, "TECHNICAL_VISITS", 4, 1)));

        assertEquals(List.of(new AssistanceMonth(OCTOBER, "TECHNICAL_VISITS", 8, 7, 3),
                new AssistanceMonth(NOVEMBER, "TRAINING", 1, 0, 1)), buyer);
    }

    @Test
    void aShortfallBeyondThePromiseIsNoMonthOfAssistance() {
        assertThrows(IllegalArgumentException.class, () -> new AssistanceMonth(OCTOBER, "TRAINING", 1, 0, 2));
        assertThrows(IllegalArgumentException.class, () -> AssistanceMonth.of(OCTOBER, "TRAINING", 1, -1));
    }
}

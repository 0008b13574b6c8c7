package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A fortnight's settlement: computed again while open, closed for good, in order (design.md rules 4 and 5). */
class SettlementTest {

    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final Instant FIRST_RUN = Instant.parse("2026-11-02T14:00:00Z");
    static final Instant CLOSING = Instant.parse("2026-11-03T16:00:00Z");

    Settlement settlement;

    @BeforeEach
    void openSecondHalfOfOctober() {
        settlement = new Settlement();
        settlement.id = UUID.randomUUID();
        settlement.organisationId = UUID.randomUUID();
        settlement.periodStart = OCT_16;
        settlement.periodEnd = LocalDate.of(2026, 10, 31);
        settlement.status = Settlement.Status.OPEN;
        settlement.computedAt = FIRST_RUN;
    }

    @Test
    void anOpenSettlementIsComputedAgainAndCountsItsRuns() {
        settlement.computed(FIRST_RUN);
        settlement.computed(FIRST_RUN.plusSeconds(600));

        assertEquals(2, settlement.runs);
        assertEquals(FIRST_RUN.plusSeconds(600), settlement.computedAt);
        assertEquals(Fortnight.of(OCT_16), settlement.fortnight());
    }

    @Test
    void closingRecordsWhoClosedItAndClosingAgainChangesNothing() {
        assertTrue(settlement.close("Carmen", CLOSING));
        assertFalse(settlement.close("Luis", CLOSING.plusSeconds(3600)));

        assertTrue(settlement.isClosed());
        assertEquals("Carmen", settlement.closedBy);
        assertEquals(CLOSING, settlement.closedAt);
    }

    @Test
    void closedIsFinalAClosedSettlementIsNeverComputedAgain() {
        settlement.computed(FIRST_RUN);
        settlement.close("Carmen", CLOSING);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> settlement.computed(CLOSING.plusSeconds(1)));

        assertEquals(PaymentsProblem.SETTLEMENT_CLOSED, refused.type());
        assertEquals(409, refused.problem().status());
        assertTrue(refused.getMessage().contains("2026-10-16"), refused.getMessage());
        assertEquals(1, settlement.runs);
        assertEquals(FIRST_RUN, settlement.computedAt);
        assertThrows(ProblemException.class, settlement::requireOpen);
    }

    @Test
    void settlementsCloseInOrderNotWhileAnEarlierFortnightIsOpen() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> settlement.requireEarlierClosed(Optional.of(LocalDate.of(2026, 10, 1))));

        assertEquals(PaymentsProblem.EARLIER_SETTLEMENT_OPEN, refused.type());
        assertTrue(refused.getMessage().contains("2026-10-01"), refused.getMessage());
        assertDoesNotThrow(() -> settlement.requireEarlierClosed(Optional.empty()));
    }

    @Test
    void payoutsAreRecordedOnAClosedSettlementOnly() {
        ProblemException refused = assertThrows(ProblemException.class, settlement::requirePayable);
        assertEquals(PaymentsProblem.SETTLEMENT_NOT_CLOSED, refused.type());

        settlement.close("Carmen", CLOSING);
        assertDoesNotThrow(settlement::requirePayable);
    }
}

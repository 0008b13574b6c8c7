package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer's payout: recorded once with its date, so lateness against the due date is known (design.md rule 6). */
class ProducerSettlementTest {

    static final LocalDate DUE = LocalDate.of(2026, 10, 22);

    ProducerSettlement rosa;

    @BeforeEach
    void rosaIsOwed() {
        rosa = new ProducerSettlement();
        rosa.settlementId = UUID.randomUUID();
        rosa.producerId = UUID.randomUUID();
        rosa.gross = new BigDecimal("120.00");
        rosa.deductions = new BigDecimal("20.00");
        rosa.net = new BigDecimal("100.00");
        rosa.dueDate = DUE;
    }

    @Test
    void aPayoutRecordsItsDateReferenceAndWhoRecordedIt() {
        assertFalse(rosa.isPaid());

        assertTrue(rosa.recordPayout(LocalDate.of(2026, 10, 25), "OP-1", "Tesorera"));

        assertTrue(rosa.isPaid());
        assertEquals(LocalDate.of(2026, 10, 25), rosa.paidOn);
        assertEquals("OP-1", rosa.paymentReference);
        assertEquals("Tesorera", rosa.paidBy);
    }

    @Test
    void theSamePayoutAgainChangesNothing() {
        rosa.recordPayout(LocalDate.of(2026, 10, 25), "OP-1", "Tesorera");

        assertFalse(rosa.recordPayout(LocalDate.of(2026, 10, 25), "OP-2", "Luis"));

        assertEquals("OP-1", rosa.paymentReference);
        assertEquals("Tesorera", rosa.paidBy);
    }

    @Test
    void aPayoutOnAnotherDayIsAConflictAndTheFirstIsKept() {
        rosa.recordPayout(LocalDate.of(2026, 10, 25), "OP-1", "Tesorera");

        ProblemException refused = assertThrows(ProblemException.class,
                () -> rosa.recordPayout(LocalDate.of(2026, 10, 26), "OP-1", "Tesorera"));

        assertEquals(PaymentsProblem.PAYOUT_ALREADY_RECORDED, refused.type());
        assertEquals(409, refused.problem().status());
        assertTrue(refused.getMessage().contains("25/10/2026"), refused.getMessage());
        assertEquals(LocalDate.of(2026, 10, 25), rosa.paidOn);
    }

    @Test
    void latenessIsCountedInDaysAfterTheDueDate() {
        assertEquals(0, rosa.daysLate()); // not paid yet
        assertEquals(0, ProducerSettlement.daysLate(DUE, DUE.minusDays(2)));
        assertEquals(0, ProducerSettlement.daysLate(DUE, DUE));
        assertEquals(1, ProducerSettlement.daysLate(DUE, DUE.plusDays(1)));
        rosa.recordPayout(LocalDate.of(2026, 11, 2), null, "Tesorera");
        assertEquals(11, rosa.daysLate());
    }
}

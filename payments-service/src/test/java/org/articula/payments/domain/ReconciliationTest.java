package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Reconciliation.BuyerFigures;
import org.articula.payments.domain.Reconciliation.Discrepancy;
import org.articula.payments.domain.Reconciliation.Flag;
import org.junit.jupiter.api.Test;

/**
 * A fortnight's reconciliation (domain.md): collected vs paid for (shrinkage), received vs gross owed (margin),
 * deductions recovered and net paid, with what is beyond the tolerance flagged.
 */
class ReconciliationTest {

    static final UUID GLORIA = UUID.randomUUID();
    static final UUID COLLECTOR = UUID.randomUUID();
    static final LocalDate DUE = LocalDate.of(2026, 10, 22);
    static final LocalDate BEFORE_DUE = LocalDate.of(2026, 10, 20);

    @Test
    void aFortnightPaidAsDeliveredHasNoShrinkageAPositiveMarginAndNoFlags() {
        Reconciliation r = Reconciliation.of(List.of(buyer(GLORIA, "1000", "1000", "1300.00", "1200.00")), List.of(),
                null, BEFORE_DUE);

        Reconciliation.BuyerLine line = r.buyers().get(0);
        assertEquals(0, line.shrinkage().signum());
        assertEquals(new BigDecimal("0.00"), line.shrinkagePercent());
        assertEquals(new BigDecimal("100.00"), line.margin());
        assertEquals(Reconciliation.DEFAULT_TOLERANCE, r.tolerancePercent());
        assertEquals(List.of(), r.discrepancies());
    }

    @Test
    void shrinkageBeyondTheToleranceEitherWayIsFlaggedAndAtTheToleranceItIsNot() {
        Reconciliation r = Reconciliation.of(List.of(buyer(GLORIA, "1000", "970", "1200.00", "1200.00"),
                buyer(COLLECTOR, "1000", "980", "1200.00", "1200.00"),
                buyer(UUID.randomUUID(), "1000", "1030", "1200.00", "1200.00")), List.of(), null, BEFORE_DUE);

        assertEquals(List.of(new BigDecimal("3.00"), new BigDecimal("2.00"), new BigDecimal("-3.00")),
                r.buyers().stream().map(Reconciliation.BuyerLine::shrinkagePercent).toList());
        assertEquals(List.of(Flag.SHRINKAGE, Flag.SHRINKAGE), kinds(r));
        assertEquals(GLORIA, r.discrepancies().get(0).buyerId());
        assertTrue(r.discrepancies().get(0).message().contains("3.00 %, tolerancia 2.00 %"),
                r.discrepancies().get(0).message());
    }

    @Test
    void theShrinkagePercentIsRoundedHalfUpBeforeItIsComparedWithAGivenTolerance() {
        // 4.01 of 200 is 2.005 %: 2.01 %, beyond 2 %; 3 % is within a tolerance of 5 %.
        Reconciliation strict = Reconciliation.of(List.of(buyer(GLORIA, "200", "195.99", "240.00", "240.00")),
                List.of(), new BigDecimal("2"), BEFORE_DUE);
        Reconciliation lenient = Reconciliation.of(List.of(buyer(GLORIA, "1000", "970", "1200.00", "1200.00")),
                List.of(), new BigDecimal("5.00"), BEFORE_DUE);

        assertEquals(new BigDecimal("2.01"), strict.buyers().get(0).shrinkagePercent());
        assertEquals(List.of(Flag.SHRINKAGE), kinds(strict));
        assertEquals(List.of(), kinds(lenient));
    }

    @Test
    void aBuyerThatPaidNothingForWhatWasCollectedIsFlaggedAsSuchNotAsShrinkage() {
        Reconciliation r = Reconciliation.of(List.of(buyer(GLORIA, "500", "0", "0.00", "600.00"),
                buyer(COLLECTOR, "0", "0", "0.00", "0.00")), List.of(), null, BEFORE_DUE);

        assertEquals(List.of(Flag.NOT_PAID_BY_BUYER), kinds(r));
        assertEquals(new BigDecimal("0.00"), r.buyers().get(1).shrinkagePercent());
    }

    @Test
    void aBuyerPayingLessThanMembersAreOwedIsFlagged() {
        Reconciliation r = Reconciliation.of(List.of(buyer(GLORIA, "1000", "1000", "900.00", "1000.00")), List.of(),
                null, BEFORE_DUE);

        assertEquals(new BigDecimal("-100.00"), r.buyers().get(0).margin());
        assertEquals(List.of(Flag.PAID_BELOW_GROSS), kinds(r));
        assertTrue(r.discrepancies().get(0).message().contains("S/ 900.00"));
    }

    @Test
    void aPositiveNetUnpaidAfterItsDueDateIsFlaggedForItsProducer() {
        ProducerSettlement late = producer("100.00", "20.00", null);
        ProducerSettlement paid = producer("50.00", "5.00", DUE);
        ProducerSettlement nothingOwed = producer("0.00", "30.00", null);
        List<ProducerSettlement> producers = List.of(late, paid, nothingOwed);

        Reconciliation onTheDueDate = Reconciliation.of(List.of(), producers, null, DUE);
        Reconciliation dayAfter = Reconciliation.of(List.of(), producers, null, DUE.plusDays(1));

        assertEquals(List.of(), kinds(onTheDueDate));
        assertEquals(List.of(Flag.PAYOUT_OVERDUE), kinds(dayAfter));
        Discrepancy overdue = dayAfter.discrepancies().get(0);
        assertEquals(late.producerId, overdue.producerId());
        assertEquals(null, overdue.buyerId());
    }

    @Test
    void theTotalsAddTheBuyersAndTheProducersAndTheMarginIsReceivedLessGross() {
        Reconciliation r = Reconciliation.of(List.of(buyer(GLORIA, "1000", "1000", "1300.00", "1200.00"),
                buyer(COLLECTOR, "500", "500", "600.00", "650.00")),
                List.of(producer("100.00", "20.00", null), producer("50.00", "5.00", DUE)), null, BEFORE_DUE);

        Reconciliation.Totals t = r.totals();
        assertEquals(new BigDecimal("1900.00"), t.amountReceived());
        assertEquals(new BigDecimal("1850.00"), t.grossOwed());
        assertEquals(new BigDecimal("25.00"), t.deductionsRecovered());
        assertEquals(new BigDecimal("150.00"), t.netOwed());
        assertEquals(new BigDecimal("50.00"), t.netPaid());
        assertEquals(new BigDecimal("50.00"), t.margin());
    }

    static BuyerFigures buyer(UUID id, String collected, String paidFor, String received, String gross) {
        return new BuyerFigures(id, "leche fresca", "L", new BigDecimal(collected), new BigDecimal(paidFor),
                new BigDecimal(received), new BigDecimal(gross));
    }

    static ProducerSettlement producer(String net, String deductions, LocalDate paidOn) {
        ProducerSettlement p = new ProducerSettlement();
        p.producerId = UUID.randomUUID();
        p.net = new BigDecimal(net);
        p.deductions = new BigDecimal(deductions);
        p.gross = p.net.add(p.deductions);
        p.dueDate = DUE;
        p.paidOn = paidOn;
        return p;
    }

    static List<Flag> kinds(Reconciliation r) {
        return r.discrepancies().stream().map(Discrepancy::kind).toList();
    }
}

package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** Input credit: how many instalments, when each falls due, and when a charge may be cancelled (design.md rule 3). */
class ChargeTest {

    static final Instant NOW = Instant.parse("2026-10-20T15:00:00Z");

    @Test
    void withoutAskingAChargeIsRecoveredInTwoInstalmentsUnlessTheAgreementAllowsOnlyOne() {
        assertEquals(2, Charge.instalmentsWithin(null, 6));
        assertEquals(2, Charge.instalmentsWithin(null, 2));
        assertEquals(1, Charge.instalmentsWithin(null, 1));
        assertEquals(5, Charge.instalmentsWithin(5, 6));
    }

    @Test
    void moreInstalmentsThanTheAgreementAllowsAreRefusedNamingTheField() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Charge.instalmentsWithin(3, 2));

        assertEquals(400, refused.problem().status());
        assertEquals("instalments", refused.problem().violations().get(0).field());
    }

    @Test
    void instalmentKFallsDueInTheKthFortnightCountedFromTheChargeDatesAndTheyAddUpToTheCharge() {
        Charge charge = charge("100.01", LocalDate.of(2026, 10, 15), 2);

        List<Instalment> schedule = charge.schedule();

        assertEquals(List.of(1, 2), schedule.stream().map(i -> i.number).toList());
        assertEquals(List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 16)),
                schedule.stream().map(i -> i.dueFrom).toList());
        assertEquals(List.of(new BigDecimal("50.00"), new BigDecimal("50.01")),
                schedule.stream().map(i -> i.amount).toList());
        assertTrue(schedule.stream().allMatch(i -> i.chargeId.equals(charge.id)));
    }

    @Test
    void aScheduleFromTheSecondHalfOfDecemberRunsIntoJanuary() {
        List<Instalment> schedule = charge("90.00", LocalDate.of(2026, 12, 16), 3).schedule();

        assertEquals(List.of(LocalDate.of(2026, 12, 16), LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 16)),
                schedule.stream().map(i -> i.dueFrom).toList());
        assertEquals(List.of(new BigDecimal("30.00"), new BigDecimal("30.00"), new BigDecimal("30.00")),
                schedule.stream().map(i -> i.amount).toList());
    }

    @Test
    void aChargeIsCancelledOnceAndCancellingAgainKeepsWhoCancelledIt() {
        Charge charge = charge("100.00", LocalDate.of(2026, 10, 5), 2);

        assertTrue(charge.cancel(BigDecimal.ZERO, "Carmen", NOW));
        assertFalse(charge.cancel(BigDecimal.ZERO, "Luis", NOW.plusSeconds(60)));

        assertEquals(Charge.Status.CANCELLED, charge.status);
        assertEquals("Carmen", charge.cancelledBy);
        assertEquals(NOW, charge.cancelledAt);
    }

    @Test
    void aChargePartlyRecoveredByAClosedSettlementCannotBeCancelled() {
        Charge charge = charge("100.00", LocalDate.of(2026, 10, 5), 2);

        ProblemException refused = assertThrows(ProblemException.class,
                () -> charge.cancel(new BigDecimal("50.00"), "Carmen", NOW));

        assertEquals(PaymentsProblem.CHARGE_RECOVERED, refused.type());
        assertTrue(refused.getMessage().contains("S/ 50.00"), refused.getMessage());
        assertEquals(Charge.Status.ACTIVE, charge.status);
        assertEquals(null, charge.cancelledBy);
    }

    @Test
    void whatRemainsIsTheChargeLessWhatWasRecoveredNeverBelowZeroAndNothingOnceCancelled() {
        Charge charge = charge("100.01", LocalDate.of(2026, 10, 5), 2);

        assertEquals(new BigDecimal("50.01"), charge.remaining(new BigDecimal("50.00")));
        assertEquals(new BigDecimal("0.00"), charge.remaining(new BigDecimal("100.01")));
        assertEquals(new BigDecimal("100.01"), charge.remaining(BigDecimal.ZERO));
        charge.cancel(BigDecimal.ZERO, "Carmen", NOW);
        assertEquals(new BigDecimal("0.00"), charge.remaining(BigDecimal.ZERO));
    }

    static Charge charge(String amount, LocalDate date, int instalments) {
        Charge charge = new Charge();
        charge.id = UUID.randomUUID();
        charge.kind = ChargeKind.FEED;
        charge.amount = new BigDecimal(amount);
        charge.chargeDate = date;
        charge.instalments = instalments;
        charge.status = Charge.Status.ACTIVE;
        return charge;
    }
}

package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NoticeTest {

    static final UUID ROSA = UUID.randomUUID();
    static final NoticeRecipient TO = NoticeRecipient.of(ROSA, UUID.randomUUID(), true, "+51987654321", null)
            .orElseThrow();
    static final LocalDateTime OCT_2_0630 = LocalDateTime.of(2026, 10, 2, 6, 30);

    @Test
    void anAcceptedLotSaysWhenHowMuchAndTheVerdict() {
        Notice n = Notice.lotVerdict(UUID.randomUUID(), TO, lot("40.000", true), false);
        assertEquals("Lote 02/10 06:30: 40 L ACEPTADO", n.body());
        assertEquals(NoticeKind.LOT_VERDICT, n.kind());
    }

    @Test
    void aRejectedLotGivesItsReasonsShortened() {
        Notice n = Notice.lotVerdict(UUID.randomUUID(), TO, lot("40", false,
                "sólidos totales 10.9 % bajo el mínimo 11.5"), false);
        assertEquals("Lote 02/10 06:30: 40 L RECHAZADO: sólidos totales 10.9 % bajo 11.5 %", n.body());
        assertEquals("Lote 02/10 06:30 corregido: 12.5 L RECHAZADO: acidez 0.19 sobre 0.18; antibióticos: prueba "
                + "positiva, no aprobada",
                Notice.lotVerdict(UUID.randomUUID(), TO, lot("12.5", false,
                        "acidez 0.19  sobre el máximo 0.18", "antibióticos: prueba positiva, no aprobada"), true)
                        .body());
    }

    @Test
    void reasonsBeyondOneMessageAreCountedNotWritten() {
        String[] reasons = new String[6];
        for (int i = 0; i < reasons.length; i++) {
            reasons[i] = "parámetro número " + i + " 1.5 % bajo el mínimo 2.5";
        }
        String body = Notice.lotVerdict(UUID.randomUUID(), TO, lot("40", false, reasons), false).body();
        assertTrue(body.length() <= Notice.SHORT, body);
        assertTrue(body.startsWith("Lote 02/10 06:30: 40 L RECHAZADO: parámetro número 0 1.5 % bajo 2.5 %; "), body);
        assertTrue(body.endsWith(" más"), body);
    }

    @Test
    void aSettlementAndAPayoutSayTheAmountInSolesAndTheDates() {
        UUID settlement = UUID.randomUUID();
        assertEquals("Quincena 01/10-15/10 cerrada: neto S/ 1,234.50, pago el 22/10/2026.",
                Notice.settlementClosed(settlement, TO, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15),
                        new BigDecimal("1234.5"), LocalDate.of(2026, 10, 22)).body());
        assertEquals("Pago registrado: S/ 480.00 el 23/10/2026, quincena 16/10-31/10.",
                Notice.payoutRecorded(settlement, TO, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 31),
                        new BigDecimal("480.00"), LocalDate.of(2026, 10, 23)).body());
    }

    @Test
    void aDisputeSaysItsOutcomeForTheLot() {
        assertEquals("Reclamo del lote 02/10 06:30 (40 L): la contramuestra pasó; lote ACEPTADO, se paga en su "
                + "liquidación.", Notice.disputeDecided(UUID.randomUUID(), TO, lot("40", false), "OVERTURNED").body());
        assertEquals("Reclamo de su lote: la contramuestra confirmó el RECHAZO.",
                Notice.disputeDecided(UUID.randomUUID(), TO, null, "UPHELD").body());
    }

    @Test
    void everyTextFitsOneSmsAndNamesNobody() {
        List<Notice> all = List.of(Notice.lotVerdict(UUID.randomUUID(), TO, lot("999999.999", false,
                "sólidos totales 10.9 % bajo el mínimo 11.5"), true),
                Notice.settlementClosed(UUID.randomUUID(), TO, LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 31),
                        new BigDecimal("9999999.99"), LocalDate.of(2026, 11, 7)),
                Notice.disputeDecided(UUID.randomUUID(), TO, lot("999999.999", false), "OVERTURNED"));
        for (Notice n : all) {
            assertTrue(n.body().length() <= Notice.SHORT, n.body());
            assertFalse(n.body().contains("987654321"), n.body());
        }
    }

    @Test
    void theSameCauseIsTheSameNoticeAndAnotherIsAnother() {
        UUID event = UUID.randomUUID();
        assertEquals(Notice.lotVerdict(event, TO, lot("1", true), false).id(),
                Notice.lotVerdict(event, TO, lot("2", true), false).id());
        assertNotEquals(Notice.idFor(event, ROSA, NoticeKind.LOT_VERDICT),
                Notice.idFor(event, ROSA, NoticeKind.DISPUTE_DECIDED));
    }

    @Test
    void onlyAnOptedInPeruvianMobileIsARecipientAndLogsSeeItMasked() {
        assertTrue(NoticeRecipient.of(ROSA, ROSA, false, "+51987654321", "SMS").isEmpty());
        assertTrue(NoticeRecipient.of(ROSA, ROSA, true, "987654321", "SMS").isEmpty());
        assertTrue(NoticeRecipient.of(ROSA, ROSA, true, "+51812345678", "SMS").isEmpty());
        assertEquals("WHATSAPP", NoticeRecipient.of(ROSA, ROSA, true, "+51987654321", "WHATSAPP").orElseThrow()
                .channel());
        assertEquals("+51 9******21", NoticeRecipient.masked("+51987654321"));
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheLongest() {
        NoticeRetry retry = new NoticeRetry(Duration.ofSeconds(30), Duration.ofHours(1));
        assertEquals(Duration.ofSeconds(30), retry.after(1));
        assertEquals(Duration.ofSeconds(60), retry.after(2));
        assertEquals(Duration.ofSeconds(240), retry.after(4));
        assertEquals(Duration.ofHours(1), retry.after(8));
        assertEquals(Duration.ofHours(1), retry.after(1000));
    }

    private static Notice.LotFacts lot(String quantity, boolean accepted, String... reasons) {
        return new Notice.LotFacts(OCT_2_0630, new BigDecimal(quantity), "L", accepted, List.of(reasons));
    }
}

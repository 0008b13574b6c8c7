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
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Assistance as delivered: the clause in force decides who pays, and a charged cost is split to the céntimo. */
class AssistanceDeliveryTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    static final UUID ROSA = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID JULIO = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID TERESA = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final List<UUID> NETWORK = List.of(TERESA, ROSA, JULIO);

    Agreement agreement;

    @BeforeEach
    void signedAgreementChargingVeterinaryServiceOnly() {
        agreement = new Agreement();
        agreement.id = UUID.randomUUID();
        agreement.organisationId = UUID.randomUUID();
        agreement.buyerId = UUID.randomUUID();
        agreement.startDate = START;
        agreement.endDate = END;
        agreement.status = AgreementStatus.DRAFT;
        agreement.addVersion(UUID.randomUUID(), START, assistance(true, 2), null, "Carmen", NOW);
        agreement.activate(TODAY, "Carmen", NOW);
    }

    @Test
    void theClauseInForceOnTheDayDecidesWhetherItIsCharged() {
        agreement.addVersion(UUID.randomUUID(), LocalDate.of(2026, 7, 1), assistance(false, 3), "gratis", "Luis", NOW);

        AssistanceDelivery june = deliver(AssistanceKind.VETERINARY_SERVICE, LocalDate.of(2026, 6, 30), "45.01",
                List.of(ROSA));
        AssistanceDelivery july = deliver(AssistanceKind.VETERINARY_SERVICE, LocalDate.of(2026, 7, 1), "45.01",
                List.of(ROSA));
        AssistanceDelivery visit = deliver(AssistanceKind.TECHNICAL_VISITS, LocalDate.of(2026, 6, 30), "80.00",
                List.of(ROSA));

        assertTrue(june.charged);
        assertEquals(1, june.clauseVersion);
        assertEquals(2, june.maxInstalments);
        assertEquals(List.of(new ProducerShare(ROSA, new BigDecimal("45.01"))), june.producers);
        assertFalse(july.charged);
        assertEquals(2, july.clauseVersion);
        assertEquals(List.of(new ProducerShare(ROSA, new BigDecimal("0.00"))), july.producers);
        assertFalse(visit.charged, "visits are free under this clause");
    }

    @Test
    void aChargedCostIsSplitToTheCentimoWithTheLeftOverToTheFirstIdsWhateverTheOrderSent() {
        // 100.00 / 3 = 33.33 each, 0.01 left over: to ROSA, the lowest id.
        assertEquals(List.of(new ProducerShare(ROSA, new BigDecimal("33.34")),
                new ProducerShare(JULIO, new BigDecimal("33.33")), new ProducerShare(TERESA, new BigDecimal("33.33"))),
                AssistanceDelivery.split(new BigDecimal("100.00"), NETWORK));
        // 45.02 / 3 = 15.00 each, 0.02 left over: to ROSA and JULIO.
        assertEquals(List.of(new BigDecimal("15.01"), new BigDecimal("15.01"), new BigDecimal("15.00")),
                AssistanceDelivery.split(new BigDecimal("45.02"), List.of(JULIO, TERESA, ROSA)).stream()
                        .map(ProducerShare::charged).toList());
        // Ordered as text: "1..." before "f..." (UUID.compareTo would put f, a negative half, first).
        UUID low = UUID.fromString("10000000-0000-0000-0000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-0000-0000-000000000000");
        assertEquals(List.of(new ProducerShare(low, new BigDecimal("22.51")), new ProducerShare(high,
                new BigDecimal("22.50"))), AssistanceDelivery.split(new BigDecimal("45.01"), List.of(high, low)));
    }

    @Test
    void noProducersNamedMeansTheWholeNetwork() {
        AssistanceDelivery vaccination = AssistanceDelivery.deliver(agreement,
                facts(AssistanceKind.VETERINARY_SERVICE, TODAY, "30.00",
                        null),
                NETWORK, TODAY, "Carmen", NOW);

        assertTrue(vaccination.wholeNetwork);
        assertEquals(List.of(ROSA, JULIO, TERESA),
                vaccination.producers.stream().map(ProducerShare::producerId).toList());
        assertEquals(new BigDecimal("30.00"), vaccination.producers.stream().map(ProducerShare::charged)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    @Test
    void refusalsNameTheField() {
        UUID stranger = UUID.randomUUID();
        assertEquals(List.of("deliveredOn"), fields(() -> deliver(AssistanceKind.TRAINING, TODAY.plusDays(1), "1.00",
                List.of(ROSA))));
        assertEquals(List.of("deliveredOn"), fields(() -> deliver(AssistanceKind.TRAINING, START.minusDays(1), "1.00",
                List.of(ROSA))));
        assertEquals(List.of("producerIds[1]"), fields(() -> deliver(AssistanceKind.TRAINING, TODAY, "1.00",
                List.of(ROSA, stranger))));
        assertEquals(List.of("kind", "cost"), fields(() -> deliver(AssistanceKind.FEED_SUPPLY, TODAY, "1.001",
                List.of(ROSA))));
        agreement.suspend(TODAY, "sequía", TODAY, "Carmen", NOW);
        assertEquals(List.of("agreementId"), fields(() -> deliver(AssistanceKind.TRAINING, TODAY.minusDays(1), "1.00",
                List.of(ROSA))));
    }

    private List<String> fields(Runnable call) {
        return assertThrows(ProblemException.class, call::run).problem().violations().stream()
                .map(Violation::field).toList();
    }

    private AssistanceDelivery deliver(AssistanceKind kind, LocalDate on, String cost, List<UUID> producers) {
        return AssistanceDelivery.deliver(agreement, facts(kind, on, cost, producers), NETWORK, TODAY, "Carmen", NOW);
    }

    private static AssistanceDelivery.Facts facts(AssistanceKind kind, LocalDate on, String cost,
            List<UUID> producers) {
        return new AssistanceDelivery.Facts(UUID.randomUUID(), kind, on, "MV Jorge Salazar", null, new BigDecimal(cost),
                producers);
    }

    // Only the assistance clause matters here; the other clauses are left out.
    private static Clauses assistance(boolean veterinaryCharged, int maxInstalments) {
        return new Clauses(null, null, null, new AssistanceClause(List.of(
                new AssistanceService(AssistanceKind.TECHNICAL_VISITS, null, 2, false),
                new AssistanceService(AssistanceKind.VETERINARY_SERVICE, "Sanidad animal", null, veterinaryCharged)),
                maxInstalments));
    }
}

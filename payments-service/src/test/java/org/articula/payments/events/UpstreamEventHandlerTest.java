package org.articula.payments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.payments.support.Feed;
import org.articula.payments.support.Feed.LotState;
import org.articula.payments.support.Feed.Terms;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.InboxConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A poll's lots are saved set-based (UpstreamEventHandler.handleAll): the read model must end as if
 * each event had been handled on its own, in order.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class UpstreamEventHandlerTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);

    @Inject
    EntityManager em;
    @Inject
    InboxConsumer consumer;
    @Inject
    UpstreamEventHandler handler;

    UUID organisation;
    UUID rosa;
    UUID julio;
    UUID ana;
    UUID anasAgreement;

    @BeforeEach
    void anOrganisationOfItsOwn() {
        organisation = UUID.randomUUID();
        rosa = UUID.randomUUID();
        julio = UUID.randomUUID();
        ana = UUID.randomUUID();
        anasAgreement = UUID.randomUUID();
    }

    /**
     * A backlog consumed in one go: three revisions of one lot (the middle one again after the last),
     * lots of three producers, a producer and its agreement among them, and a lot whose stored revision
     * is higher than the one in the backlog. Highest revision wins; nothing older changes anything.
     */
    @Test
    void aBacklogOfLotRevisionsLeavesEachLotAtItsHighestRevision() {
        LotState stored1 = lot(julio, "50");
        LotState stored2 = stored1.corrected("45", Map.of(), "ACCEPTED", List.of());
        Feed.publish(Feed.lotCorrected(stored1, stored2, "balanza", "Julia Ramos"));
        Feed.await("the stored lot", () -> revision(stored2.lotId()) == 2);

        LotState a1 = lot(rosa, "20");
        LotState a2 = a1.corrected("18", Map.of("fat", "3.9"), "ACCEPTED", List.of());
        LotState a3 = a2.voided();
        LotState b1 = lot(julio, "30");
        LotState b2 = b1.corrected("33", Map.of("fat", "4.1"), "ACCEPTED", List.of());
        LotState c1 = lot(ana, "12");
        // Lots are keyed by producer: rosa's four events share a partition, so they come in one poll.
        List<EventEnvelope> rosas = List.of(Feed.lotRecorded(a1), Feed.lotCorrected(a1, a2, "balanza", "Julia Ramos"),
                Feed.lotVoided(a2, a3, "duplicado", "Julia Ramos"), Feed.lotCorrected(a1, a2, "balanza", "Julia Ramos"));
        List<EventEnvelope> backlog = List.of(rosas.get(0), Feed.lotRecorded(b1),
                Feed.producer(ana, organisation, null, "Ana Castillo", 0), anasAgreement(), rosas.get(1), rosas.get(2),
                rosas.get(3), Feed.lotRecorded(c1), Feed.lotRecorded(stored1),
                Feed.lotCorrected(b1, b2, "lecturas", "Julia Ramos"), Feed.lotRecorded(b1));
        consumer.stop();
        try {
            Feed.publish(backlog.toArray(EventEnvelope[]::new));
        } finally {
            consumer.start();
        }
        Feed.await("the backlog", () -> count("select count(*) from inbox_event where event_id in (:ids)",
                backlog.stream().map(EventEnvelope::eventId).toList()) == backlog.size());

        assertLot(a3.lotId(), 3, "18.000", "VOIDED", "{\"fat\": 3.9}");
        assertLot(b2.lotId(), 2, "33.000", "RECORDED", "{\"fat\": 4.1}");
        assertLot(c1.lotId(), 1, "12.000", "RECORDED", "{}");
        assertLot(stored2.lotId(), 2, "45.000", "RECORDED", "{}");
        assertEquals(1, count("select count(*) from producer_ref where name = 'Ana Castillo' and id in (:ids)",
                List.of(ana)));
        assertEquals(1, count("select count(*) from terms_version where agreement_id in (:ids)", List.of(anasAgreement)));
        // Not applied one by one after a failed batch: the revisions of one lot in one transaction.
        assertEquals(1, count("select count(distinct processed_at) from inbox_event where event_id in (:ids)",
                rosas.stream().map(EventEnvelope::eventId).toList()), "transactions for one lot's four events");
    }

    /** The same events through handleAll in one transaction and through handle one by one: the same rows. */
    @Test
    void handleAllLeavesTheRowsHandleLeavesOneByOne() {
        LotState a1 = lot(rosa, "20");
        LotState a2 = a1.corrected("18", Map.of("fat", "3.9"), "ACCEPTED", List.of());
        LotState a3 = a2.corrected("17", Map.of("fat", "3.7"), "REJECTED", List.of("fat 3.7 bajo el mínimo 3.8"));
        LotState b1 = lot(julio, "30");
        List<EventEnvelope> events = List.of(Feed.lotRecorded(a1), Feed.lotRecorded(b1),
                Feed.lotCorrected(a1, a2, "balanza", "Julia Ramos"),
                Feed.producer(ana, organisation, null, "Ana Castillo", 0), anasAgreement(),
                Feed.lotCorrected(a2, a3, "lecturas", "Julia Ramos"), Feed.lotCorrected(a1, a2, "balanza", "Julia Ramos"),
                Feed.lotVoided(b1, b1.voided(), "duplicado", "Julia Ramos"), Feed.lotRecorded(b1));
        List<UUID> lots = List.of(a1.lotId(), b1.lotId());

        events.forEach(event -> QuarkusTransaction.requiringNew().run(() -> handler.handle(event)));
        List<?> oneByOne = rows(lots);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from lot_ref where id in (:ids)")
                .setParameter("ids", lots).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(events));

        assertEquals(oneByOne, rows(lots));
        assertLot(a1.lotId(), 3, "17.000", "RECORDED", "{\"fat\": 3.7}");
        assertLot(b1.lotId(), 2, "30.000", "VOIDED", "{}");
    }

    private LotState lot(UUID producer, String quantity) {
        return new LotState(UUID.randomUUID(), organisation, UUID.randomUUID(), producer, "milk", quantity, "L",
                OCT_2.atTime(6, 30).atZone(ZoneId.of("America/Lima")).toInstant(), OCT_2, "MORNING", UUID.randomUUID(),
                1, Map.of(), "ACCEPTED", List.of(), "RECORDED", 1);
    }

    private EventEnvelope anasAgreement() {
        return Feed.agreement("AgreementActivated", anasAgreement, organisation, UUID.randomUUID(), "PRODUCER", ana,
                "milk", "L", START, END, "ACTIVE", 1, List.<LocalDate[]>of(new LocalDate[] { START, END }),
                List.of(Terms.basic(1, START, END, "1.00")));
    }

    private void assertLot(UUID id, int revision, String quantity, String status, String readings) {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "select revision, cast(quantity as text), status, cast(readings as text) from lot_ref where id = :id")
                .setParameter("id", id).getSingleResult());
        assertEquals(List.of(revision, quantity, status, readings),
                List.of(((Number) row[0]).intValue(), row[1], row[2], row[3]), "lot " + id);
    }

    private int revision(UUID lot) {
        List<?> found = em.createNativeQuery("select revision from lot_ref where id = :id").setParameter("id", lot)
                .getResultList();
        return found.isEmpty() ? 0 : ((Number) found.get(0)).intValue();
    }

    private List<?> rows(List<UUID> lots) {
        return QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(em.createNativeQuery(
                "select cast(to_jsonb(l) as text) from lot_ref l where id in (:ids) order by id")
                .setParameter("ids", lots).getResultList()));
    }

    private long count(String sql, List<UUID> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter("ids", ids).getSingleResult()).longValue());
    }
}

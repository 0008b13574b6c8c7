package org.articula.payments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.articula.localstack.testing.ReadModelRebuilds;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Feed;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
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
        Lot stored1 = lot(julio, "50");
        Lot stored2 = stored1.revised().quantity("45");
        UpstreamEvents.publish(stored2.corrected("balanza"));
        Feed.await("the stored lot", () -> revision(stored2.id()) == 2);

        Lot a1 = lot(rosa, "20");
        Lot a2 = a1.revised().quantity("18").readings(Map.of("fat", "3.9"));
        Lot b1 = lot(julio, "30");
        Lot b2 = b1.revised().quantity("33").readings(Map.of("fat", "4.1"));
        Lot c1 = lot(ana, "12");
        // Lots are keyed by producer: rosa's four events share a partition, so they come in one poll.
        List<UpstreamEvent> rosas = List.of(a1.recorded(), a2.corrected("balanza"), a2.voided("duplicado"),
                a2.corrected("balanza"));
        List<UpstreamEvent> backlog = List.of(rosas.get(0), b1.recorded(), anaRegistered(), anasAgreement(),
                rosas.get(1), rosas.get(2), rosas.get(3), c1.recorded(), stored1.recorded(), b2.corrected("lecturas"),
                b1.recorded());
        consumer.stop();
        try {
            UpstreamEvents.publish(backlog);
        } finally {
            consumer.start();
        }
        // Lot events keep no inbox row (their upsert is idempotent): the others' rows, and the group at the end.
        List<UUID> remembered = backlog.stream().filter(e -> !e.type().startsWith("Lot")).map(UpstreamEvent::eventId)
                .toList();
        Feed.await("the backlog", () -> count("select count(*) from inbox_event where event_id in (:ids)",
                remembered) == remembered.size());
        ReadModelRebuilds.awaitConsumed("payments-service", List.of("contracts.events", "lots.events"));
        assertEquals(0, count("select count(*) from inbox_event where event_id in (:ids)", backlog.stream()
                .filter(e -> e.type().startsWith("Lot")).map(UpstreamEvent::eventId).toList()), "lots' inbox rows");

        assertLot(a2.id(), 3, "18.000", "VOIDED", "{\"fat\": 3.9}");
        assertLot(b2.id(), 2, "33.000", "RECORDED", "{\"fat\": 4.1}");
        assertLot(c1.id(), 1, "12.000", "RECORDED", "{}");
        assertLot(stored2.id(), 2, "45.000", "RECORDED", "{}");
        assertEquals(1, count("select count(*) from producer_ref where name = 'Ana Castillo' and id in (:ids)",
                List.of(ana)));
        assertEquals(1,
                count("select count(*) from terms_version where agreement_id in (:ids)", List.of(anasAgreement)));
        // Not applied one by one after a failed batch: the revisions of one lot in one transaction, the one that
        // also moved the partitions' positions to the last of them (one by one, the fourth would have moved it on).
        assertTrue(count("select count(*) from inbox_position p, lot_ref l where p.consumer = 'payments-service'"
                + " and p.topic = 'lots.events' and l.id in (:ids) and p.xmin = l.xmin", List.of(a2.id())) > 0,
                "transactions for one lot's four events");
    }

    /** The same events through handleAll in one transaction and through handle one by one: the same rows. */
    @Test
    void handleAllLeavesTheRowsHandleLeavesOneByOne() {
        Lot a1 = lot(rosa, "20");
        Lot a2 = a1.revised().quantity("18").readings(Map.of("fat", "3.9"));
        Lot a3 = a2.revised().quantity("17").readings(Map.of("fat", "3.7")).verdict("REJECTED",
                "fat 3.7 bajo el mínimo 3.8");
        Lot b1 = lot(julio, "30");
        List<EventEnvelope> events = Stream.of(a1.recorded(), b1.recorded(), a2.corrected("balanza"),
                anaRegistered(), anasAgreement(), a3.corrected("lecturas"), a2.corrected("balanza"),
                b1.voided("duplicado"), b1.recorded()).map(event -> EventJson.read(event.json())).toList();
        List<UUID> lots = List.of(a1.id(), b1.id());

        events.forEach(event -> QuarkusTransaction.requiringNew().run(() -> handler.handle(event)));
        List<?> oneByOne = rows(lots);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from lot_ref where id in (:ids)")
                .setParameter("ids", lots).executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> handler.handleAll(events));

        assertEquals(oneByOne, rows(lots));
        assertLot(a1.id(), 3, "17.000", "RECORDED", "{\"fat\": 3.7}");
        assertLot(b1.id(), 2, "30.000", "VOIDED", "{}");
    }

    private Lot lot(UUID producer, String quantity) {
        return UpstreamEvents.lot().organisation(organisation).producer(producer).quantity(quantity).deliveredOn(OCT_2);
    }

    private UpstreamEvent anaRegistered() {
        return UpstreamEvents.producer().id(ana).organisation(organisation).name("Ana Castillo").registered();
    }

    private UpstreamEvent anasAgreement() {
        return UpstreamEvents.agreement().id(anasAgreement).organisation(organisation).individual(ana).from(START)
                .to(END).basePrice("1.00").activated();
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

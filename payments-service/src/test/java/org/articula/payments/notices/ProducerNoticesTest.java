package org.articula.payments.notices;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.delivery.NoticeSender;
import org.articula.payments.delivery.OutgoingMessage;
import org.articula.payments.delivery.SendResult;
import org.articula.payments.events.UpstreamEventHandler;
import org.articula.payments.service.NoticeDispatcher;
import org.articula.payments.support.Feed;
import org.articula.platform.events.EventJson;
import org.articula.platform.replay.ReadModelRebuild;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Notices to producers (issue 17): each lot verdict, settlement closed, payout recorded and dispute decided
 * makes exactly one message to an opted-in producer's number, through a sender that fails for a while and a
 * dispatcher stopped and started again; none to a producer who has not opted in.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class ProducerNoticesTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final String ROSAS_PHONE = "+51987654321";

    @Inject
    EntityManager em;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    UpstreamEventHandler handler;

    UUID organisation;
    UUID rosa;
    UUID julio;
    Recorder sender;

    /** A sender that fails its first {@code failures} attempts, then records each message it is given. */
    static final class Recorder implements NoticeSender {
        final AtomicInteger failuresLeft;
        final List<OutgoingMessage> sent = Collections.synchronizedList(new ArrayList<>());

        Recorder(int failures) {
            failuresLeft = new AtomicInteger(failures);
        }

        @Override
        public SendResult send(OutgoingMessage message) {
            if (failuresLeft.getAndDecrement() > 0) {
                return SendResult.tryAgain("proveedor caído");
            }
            sent.add(message);
            return SendResult.sent("SM" + sent.size());
        }
    }

    @BeforeEach
    void rosaOptedInJulioDidNot() {
        organisation = UUID.randomUUID();
        rosa = UUID.randomUUID();
        julio = UUID.randomUUID();
        TestTokens.actAs("Tesorera", organisation, TestTokens.STAFF);
        UUID buyer = UUID.randomUUID();
        UpstreamEvents.publish(
                UpstreamEvents.producer().id(rosa).organisation(organisation).notices(ROSAS_PHONE, "SMS").registered(),
                UpstreamEvents.producer().id(julio).organisation(organisation).name("Julio Rodríguez")
                        .phone("+51912345678").registered(),
                UpstreamEvents.agreement().id(agreement(rosa)).organisation(organisation).buyer(buyer).individual(rosa)
                        .basePrice("1.00").activated(),
                UpstreamEvents.agreement().id(agreement(julio)).organisation(organisation).buyer(buyer)
                        .individual(julio).basePrice("1.00").activated());
        dispatcher.start();
    }

    @Test
    void eachEventIsOneMessageToTheOptedInProducerEvenWithTheSenderDownAndTheDispatcherRestarted() {
        sender = new Recorder(3);
        QuarkusMock.installMockForType(sender, NoticeSender.class);
        Lot accepted = lot(rosa, OCT_1.plusDays(1)).quantity("40");
        Lot rejected = lot(rosa, OCT_1.plusDays(2)).quantity("10").readings(Map.of("total_solids", "10.9"))
                .verdict("REJECTED", "sólidos totales 10.9 % bajo el mínimo 11.5");
        UpstreamEvent rejectedRecorded = rejected.recorded();
        UpstreamEvents.publish(accepted.recorded(), rejectedRecorded, lot(julio, OCT_1.plusDays(1)).recorded());
        Feed.awaitLots(em, organisation, 3);
        Feed.await("Rosa's two lot notices", () -> notices(rosa, "PENDING") == 2);

        // The sender is down: nothing sent, nothing lost; Rosa's second notice waits for her first.
        assertEquals(0, dispatcher.dispatch());
        assertEquals(2, notices(rosa, "PENDING"));
        dispatcher.stop(); // a restart: stopped, its pending rows stay pending
        assertEquals(0, dispatcher.dispatch());
        dispatcher.start();
        assertEquals(0, dispatcher.dispatch());
        assertEquals(0, dispatcher.dispatch());
        assertEquals(2, notices(rosa, "PENDING"));
        assertEquals(3, attempts(rosa));
        assertEquals(2, dispatcher.dispatch()); // the sender is back
        assertEquals(0, dispatcher.dispatch());

        // The same lot event handled again (as a redelivery or a read-model rebuild would) adds no notice.
        QuarkusTransaction.requiringNew().run(() -> handler.handle(EventJson.read(rejectedRecorded.json())));
        String settlement = closeAndPay();
        UpstreamEvents.publish(UpstreamEvents.disputeDecided(UUID.randomUUID(), rejected, "OVERTURNED"),
                UpstreamEvents.disputeDecided(UUID.randomUUID(), lot(julio, OCT_1.plusDays(3)), "UPHELD"));
        Feed.await("the dispute's notice", () -> notices(rosa, "PENDING") == 3);
        assertEquals(3, dispatcher.dispatch());
        assertEquals(0, dispatcher.dispatch());

        assertEquals(List.of(
                "Lote 02/10 06:30: 40 L ACEPTADO",
                "Lote 03/10 06:30: 10 L RECHAZADO: sólidos totales 10.9 % bajo 11.5 %",
                "Quincena 01/10-15/10 cerrada: neto S/ 40.00, pago el 22/10/2026.",
                "Pago registrado: S/ 40.00 el 22/10/2026, quincena 01/10-15/10.",
                "Reclamo del lote 03/10 06:30 (10 L): la contramuestra pasó; lote ACEPTADO, se paga en su liquidación."),
                sender.sent.stream().map(OutgoingMessage::body).toList());
        assertTrue(sender.sent.stream().allMatch(m -> m.phone().equals(ROSAS_PHONE) && m.channel().equals("SMS")));
        assertEquals(5, notices(rosa, "SENT"));
        assertEquals(0, notices(julio, "PENDING") + notices(julio, "SENT"));
        assertEquals(settlement, String.valueOf(em.createNativeQuery(
                "select cast(source_id as text) from notice where producer_id = :p and kind = 'PAYOUT_RECORDED'")
                .setParameter("p", rosa).getSingleResult()));
    }

    @Test
    void anOverturnedRejectionIsToldOnceByTheDisputesOutcomeNotAgainAsACorrection() {
        sender = new Recorder(0);
        QuarkusMock.installMockForType(sender, NoticeSender.class);
        Lot rejected = lot(rosa, OCT_1.plusDays(2)).quantity("10").readings(Map.of("total_solids", "10.9"))
                .verdict("REJECTED", "sólidos totales 10.9 % bajo el mínimo 11.5");
        Lot overturned = rejected.revised().readings(Map.of("total_solids", "11.9")).verdict("ACCEPTED");
        UUID dispute = UUID.randomUUID();
        Lot other = lot(rosa, OCT_1.plusDays(3)).quantity("20");
        Lot otherRejected = other.revised().readings(Map.of("total_solids", "10.9"))
                .verdict("REJECTED", "sólidos totales 10.9 % bajo el mínimo 11.5");
        UpstreamEvent laterCorrection = otherRejected.corrected("Se digitó mal la lectura");
        UpstreamEvents.publish(rejected.recorded());
        Feed.awaitLots(em, organisation, 1); // the dispute's notice names the lot it knows
        // As lots-service publishes an overturn (the lot corrected, naming the dispute; the dispute decided), then
        // an ordinary correction of another of Rosa's lots: keyed by Rosa too, so consumed after the overturn.
        UpstreamEvents.publish(overturned.overturnedBy(dispute, "Contramuestra aprobada"),
                UpstreamEvents.disputeDecided(dispute, rejected, "OVERTURNED"), other.recorded(), laterCorrection);
        Feed.await("the dispute's notice and the later correction's", () -> QuarkusTransaction.requiringNew()
                .call(() -> count("select count(*) from notice where producer_id = :p and (kind = 'DISPUTE_DECIDED'"
                        + " or source_id = '" + laterCorrection.eventId() + "')", rosa)) == 2);

        assertEquals(4, notices(rosa, "PENDING"));
        assertEquals(4, dispatcher.dispatch());
        assertEquals(List.of(
                "Lote 03/10 06:30: 10 L RECHAZADO: sólidos totales 10.9 % bajo 11.5 %",
                "Lote 04/10 06:30 corregido: 20 L RECHAZADO: sólidos totales 10.9 % bajo 11.5 %",
                "Lote 04/10 06:30: 20 L ACEPTADO",
                "Reclamo del lote 03/10 06:30 (10 L): la contramuestra pasó; lote ACEPTADO, se paga en su liquidación."),
                sender.sent.stream().map(OutgoingMessage::body).sorted().toList());
    }

    @Test
    void twoDispatchersAtOnceSendEachNoticeOnce() throws Exception {
        sender = new Recorder(0);
        QuarkusMock.installMockForType(sender, NoticeSender.class);
        UUID ana = UUID.randomUUID();
        UpstreamEvents.publish(UpstreamEvents.producer().id(ana).organisation(organisation)
                .notices("+51911222333", "WHATSAPP").registered());
        Feed.await("Ana", () -> count("select count(*) from producer_ref where id = :p", ana) == 1);
        for (int day = 1; day <= 4; day++) {
            UpstreamEvents.publish(lot(rosa, OCT_1.plusDays(day)).recorded(), lot(ana, OCT_1.plusDays(day)).recorded());
        }
        Feed.await("eight lot notices", () -> notices(rosa, "PENDING") + notices(ana, "PENDING") == 8);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            int sent = 0;
            while (notices(rosa, "PENDING") + notices(ana, "PENDING") > 0) {
                List<Future<Integer>> passes = List.of(two.submit(dispatcher::dispatch),
                        two.submit(dispatcher::dispatch));
                for (Future<Integer> pass : passes) {
                    sent += pass.get();
                }
            }
            assertEquals(8, sent);
        } finally {
            two.shutdownNow();
        }
        assertEquals(8, sender.sent.size());
        assertEquals(8, sender.sent.stream().map(OutgoingMessage::noticeId).distinct().count());
        // Each producer's notices in the order of their lots.
        assertEquals(List.of("Lote 02/10", "Lote 03/10", "Lote 04/10", "Lote 05/10"), sender.sent.stream()
                .filter(m -> m.channel().equals("WHATSAPP")).map(m -> m.body().substring(0, 10)).toList());
    }

    @Test
    void aProducerWhoOptsOutIsSentNothingMore() {
        sender = new Recorder(0);
        QuarkusMock.installMockForType(sender, NoticeSender.class);
        UpstreamEvents.publish(UpstreamEvents.producer().id(rosa).organisation(organisation)
                .notices(ROSAS_PHONE, "SMS").noNotices().updated(1));
        Feed.await("Rosa opted out", () -> count(
                "select count(*) from producer_ref where id = :p and not notices_opt_in", rosa) == 1);
        UpstreamEvents.publish(lot(rosa, OCT_1.plusDays(1)).recorded());
        Feed.awaitLots(em, organisation, 1);
        assertEquals(0, dispatcher.dispatch());
        assertEquals(0, notices(rosa, "PENDING") + notices(rosa, "SENT"));
    }

    @Test
    void aReadModelRebuildsReplayAnnouncesNothing() {
        sender = new Recorder(0);
        QuarkusMock.installMockForType(sender, NoticeSender.class);
        UpstreamEvent recorded = lot(rosa, OCT_1.plusDays(1)).recorded();
        Feed.await("Rosa",
                () -> count("select count(*) from producer_ref where id = :p and notices_opt_in", rosa) == 1);
        // As a rebuild replays an old event: the shadow schema first in the search path (rolled back with it).
        assertThrows(RolledBack.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    em.createNativeQuery("create schema " + ReadModelRebuild.SHADOW).executeUpdate();
                    em.createNativeQuery("set local search_path = " + ReadModelRebuild.SHADOW + ", public")
                            .executeUpdate();
                    handler.handle(EventJson.read(recorded.json()));
                    em.createNativeQuery("set local search_path = public").executeUpdate();
                    assertEquals(0, count("select count(*) from notice where producer_id = :p", rosa));
                    throw new RolledBack();
                }));
        // The same event live is announced.
        QuarkusTransaction.requiringNew().run(() -> handler.handle(EventJson.read(recorded.json())));
        assertEquals(1, notices(rosa, "PENDING"));
        assertEquals(1, dispatcher.dispatch());
    }

    // --- helpers ---

    /** Ends a transaction the test means to roll back. */
    static final class RolledBack extends RuntimeException {
    }

    private final Map<UUID, UUID> agreements = new java.util.HashMap<>();

    private UUID agreement(UUID producer) {
        return agreements.computeIfAbsent(producer, p -> UUID.randomUUID());
    }

    private Lot lot(UUID producer, LocalDate day) {
        return UpstreamEvents.lot().organisation(organisation).producer(producer).agreement(agreement(producer))
                .deliveredOn(day, LocalTime.of(6, 30));
    }

    private String closeAndPay() {
        String id = given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation,
                "fortnightStart", OCT_1.toString(), "by", "Tesorera")).post("/api/v1/settlements/runs")
                .then().statusCode(200).extract().path("id");
        for (int i = 0; i < 2; i++) { // closing or paying again tells nothing again
            given().contentType(ContentType.JSON).body(Map.of("by", "Tesorera"))
                    .post("/api/v1/settlements/" + id + "/closing").then().statusCode(200).body("status", is("CLOSED"));
            given().contentType(ContentType.JSON).body(Map.of("producerId", rosa, "paidOn", "2026-10-22",
                    "reference", "OP-1", "by", "Tesorera")).post("/api/v1/settlements/" + id + "/payouts")
                    .then().statusCode(200);
        }
        return id;
    }

    private int notices(UUID producer, String status) {
        return QuarkusTransaction.requiringNew().call(() -> count(
                "select count(*) from notice where producer_id = :p and status = '" + status + "'", producer));
    }

    private int attempts(UUID producer) {
        return QuarkusTransaction.requiringNew().call(() -> count(
                "select coalesce(sum(attempts), 0) from notice where producer_id = :p", producer));
    }

    private int count(String sql, UUID producer) {
        return ((Number) em.createNativeQuery(sql).setParameter("p", producer).getSingleResult()).intValue();
    }
}

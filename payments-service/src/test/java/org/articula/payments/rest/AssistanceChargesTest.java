package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.domain.AssistanceDelivery;
import org.articula.payments.support.Feed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Technical assistance delivered under an agreement reaches payments-service as contracts-service's
 * AssistanceDelivered: a charged one becomes each producer's charge by itself, recovered like any other; a free
 * one changes nothing here.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class AssistanceChargesTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);

    @Inject
    EntityManager em;

    UUID organisation;
    UUID buyer;
    UUID rosa;
    UUID agreement;

    @BeforeEach
    void rosaSellingMilkAtOneSolPerLitre() {
        organisation = UUID.randomUUID();
        buyer = UUID.randomUUID();
        rosa = UUID.randomUUID();
        agreement = UUID.randomUUID();
        TestTokens.actAs("Tesorera", organisation, TestTokens.STAFF);
        UpstreamEvents.publish(UpstreamEvents.producer().id(rosa).organisation(organisation).registered(),
                UpstreamEvents.agreement().id(agreement).organisation(organisation).buyer(buyer).individual(rosa)
                        .terms(UpstreamEvents.terms().basePrice("1.00").maxInstalments(2)).activated());
        Feed.awaitTermsOf(em, rosa);
    }

    @Test
    void aChargedVeterinaryServiceIsRecoveredInTwoInstalmentsAcrossTwoFortnightsAndStoredOnceWhateverTheRepeats() {
        UUID delivery = UUID.randomUUID();
        UpstreamEvent vet = vet(delivery);
        // The same event twice (one eventId), and the same delivery in an event of its own (another eventId).
        List<UpstreamEvent> sent = List.of(vet, vet, vet(delivery));
        UpstreamEvents.publish(sent);
        UpstreamEvents.publish(UpstreamEvents.lot().organisation(organisation).producer(rosa).agreement(agreement)
                .quantity("80").deliveredOn(OCT_1.plusDays(1)).recorded(),
                UpstreamEvents.lot().organisation(organisation).producer(rosa).agreement(agreement)
                        .quantity("70").deliveredOn(OCT_16.plusDays(1)).recorded());
        awaitHandled(sent);
        Feed.awaitLots(em, organisation, 2);

        UUID charge = AssistanceDelivery.chargeId(delivery, rosa);
        assertEquals(1, count("select count(*) from charge where producer_id = :p", rosa));
        // S/ 45.01 in 2: 45.01 / 2 = 22.505, the first rounded down to 22.50, the last takes the rest, 22.51.
        given().get("/api/v1/charges/" + charge).then().statusCode(200).body("kind", is("VETERINARY"))
                .body("amount", is(45.01f)).body("chargeDate", is("2026-10-03"))
                .body("description", startsWith("Servicio veterinario del 2026-10-03"))
                .body("instalments.amount", contains(22.50f, 22.51f))
                .body("instalments.dueFrom", contains("2026-10-01", "2026-10-16"));

        // 1-15 Oct: 80 L x 1.00 = 80.00, less 22.50 = 57.50.
        String first = run(OCT_1);
        given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then().statusCode(200)
                .body("gross", is(80.00f)).body("deductions.applied", contains(22.50f)).body("net", is(57.50f));
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/settlements/" + first + "/closing")
                .then().statusCode(200);
        // 16-31 Oct: 70 L x 1.00 = 70.00, less the second instalment 22.51 = 47.49; nothing left to recover.
        String second = run(OCT_16);
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then().statusCode(200)
                .body("deductions.instalment", contains(2)).body("deductions.applied", contains(22.51f))
                .body("deductions.remaining", contains(0f)).body("net", is(47.49f));
    }

    @Test
    void aFreeVisitCreatesNoCharge() {
        UpstreamEvent visit = UpstreamEvents.assistanceDelivered().organisation(organisation).agreement(agreement)
                .buyer(buyer).kind("TECHNICAL_VISITS").cost("80.00").free().deliveredOn(OCT_1.plusDays(3))
                .producers(rosa).delivered();
        UpstreamEvents.publish(visit);
        awaitHandled(List.of(visit));

        assertEquals(0, count("select count(*) from charge where producer_id = :p", rosa));
    }

    private UpstreamEvent vet(UUID delivery) {
        return UpstreamEvents.assistanceDelivered().id(delivery).organisation(organisation).agreement(agreement)
                .buyer(buyer).kind("VETERINARY_SERVICE").cost("45.01").deliveredOn(OCT_1.plusDays(2)).producers(rosa)
                .delivered();
    }

    private void awaitHandled(List<UpstreamEvent> events) {
        List<UUID> ids = events.stream().map(UpstreamEvent::eventId).distinct().toList();
        Feed.await("the assistance events", () -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where event_id in (:ids)").setParameter("ids", ids)
                .getSingleResult()).intValue() == ids.size());
    }

    private long count(String sql, UUID producer) {
        return ((Number) em.createNativeQuery(sql).setParameter("p", producer).getSingleResult()).longValue();
    }

    private String run(LocalDate fortnight) {
        return given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation,
                "fortnightStart", fortnight.toString())).post("/api/v1/settlements/runs").then().statusCode(200)
                .body("status", is("OPEN")).extract().jsonPath().getString("id");
    }
}

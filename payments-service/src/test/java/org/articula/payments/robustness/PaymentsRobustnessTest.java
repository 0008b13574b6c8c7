package org.articula.payments.robustness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.robustness.ApiRequest;
import org.articula.localstack.testing.robustness.RobustnessReport;
import org.articula.localstack.testing.robustness.RobustnessSuite;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Every operation of payments-service sent hostile input of every class (see {@link RobustnessSuite}), from
 * valid requests on organisations whose producer delivered milk in October's first fortnight.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentsRobustnessTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String SETTLEMENTS = "/api/v1/settlements";

    @Inject
    InboxConsumer inbox;
    @Inject
    EntityManager em;

    UUID buyer = UUID.randomUUID();

    /** An organisation with one producer, her agreement, one lot and the fortnight computed. */
    record Fortnight(UUID organisation, UUID producer, String settlement, String runId, UUID agreement, UUID network,
            UUID lot) {
    }

    @Test
    void everyOperationRefusesHostileInputWithANamedProblemAndWritesNothing() throws Exception {
        Fortnight f = fortnight();
        UUID org = f.organisation();
        UUID rosa = f.producer();
        TestTokens.actAs("Tesorera", org, Roles.TREASURER, Roles.AUDITOR);
        UUID charge = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(chargeBody(charge, org, rosa)).post("/api/v1/charges")
                .then().statusCode(201);
        UUID remittance = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(remittanceBody(remittance, org)).post("/api/v1/remittances")
                .then().statusCode(201);

        RobustnessReport report = RobustnessSuite.forService("payments-service", "payments")
                .platformOperations(inbox.consumerName())
                .seed("GET /api/v1/audit", () -> ApiRequest.empty().withQuery("resourceType", "Charge")
                        .withQuery("resourceId", charge).withQuery("from", OCT_1).withQuery("to", END)
                        .withQuery("limit", 10))
                .seed("GET /api/v1/buyer-dues", () -> ApiRequest.empty().withQuery("buyerId", buyer)
                        .withQuery("from", OCT_1).withQuery("to", OCT_1.plusDays(30)))
                .seed("POST /api/v1/charges", () -> ApiRequest.json(chargeBody(UUID.randomUUID(), org, rosa)))
                .seed("GET /api/v1/charges", () -> ApiRequest.empty().withQuery("organisationId", org)
                        .withQuery("producerId", rosa))
                .seed("GET /api/v1/charges/{id}", () -> ApiRequest.empty().withPath("id", charge))
                .seed("POST /api/v1/charges/{id}/cancellation", () -> {
                    UUID id = UUID.randomUUID();
                    given().contentType(ContentType.JSON).body(chargeBody(id, org, rosa)).post("/api/v1/charges")
                            .then().statusCode(201);
                    return ApiRequest.json(Map.of("reason", "registrado por error")).withPath("id", id);
                })
                .seed("GET /api/v1/reconciliations", () -> ApiRequest.empty().withQuery("organisationId", org)
                        .withQuery("fortnightStart", OCT_1).withQuery("tolerancePercent", 2))
                .seed("POST /api/v1/remittances", () -> ApiRequest.json(remittanceBody(UUID.randomUUID(), org)))
                .seed("GET /api/v1/remittances/{id}", () -> ApiRequest.empty().withPath("id", remittance))
                .seed("GET " + SETTLEMENTS, () -> ApiRequest.empty().withQuery("organisationId", org)
                        .withQuery("fortnightStart", OCT_1))
                .seed("POST " + SETTLEMENTS + "/runs", () -> ApiRequest.json(Map.of("organisationId", org,
                        "fortnightStart", OCT_1.toString(), "runId", UUID.randomUUID())))
                .seed("GET " + SETTLEMENTS + "/runs/{runId}", () -> ApiRequest.empty().withPath("runId", f.runId()))
                .seed("GET " + SETTLEMENTS + "/{id}", () -> ApiRequest.empty().withPath("id", f.settlement()))
                .seed("POST " + SETTLEMENTS + "/{id}/closing", () -> {
                    Fortnight other = fortnight();
                    return ApiRequest.json(Map.of()).withPath("id", other.settlement())
                            .withHeader("Authorization", "Bearer " + TestTokens.token(other.organisation(),
                                    Roles.TREASURER));
                })
                .seed("POST " + SETTLEMENTS + "/{id}/payouts", () -> {
                    Fortnight other = fortnight();
                    String token = TestTokens.token(other.organisation(), Roles.TREASURER);
                    given().header(TestTokens.as(token)).contentType(ContentType.JSON).body(Map.of())
                            .post(SETTLEMENTS + "/" + other.settlement() + "/closing").then().statusCode(200);
                    return ApiRequest.json(Map.of("producerId", other.producer(), "paidOn", "2026-10-20",
                            "reference", "OP-0001")).withPath("id", other.settlement())
                            .withHeader("Authorization", "Bearer " + token);
                })
                .seed("POST " + SETTLEMENTS + "/{id}/payouts/batch", () -> {
                    Fortnight other = fortnight();
                    String token = TestTokens.token(other.organisation(), Roles.TREASURER);
                    given().header(TestTokens.as(token)).contentType(ContentType.JSON).body(Map.of())
                            .post(SETTLEMENTS + "/" + other.settlement() + "/closing").then().statusCode(200);
                    return ApiRequest.json(Map.of("payouts", List.of(Map.of("producerId", other.producer(),
                            "paidOn", "2026-10-20", "reference", "OP-0001")))).withPath("id", other.settlement())
                            .withHeader("Authorization", "Bearer " + token);
                })
                .seed("GET " + SETTLEMENTS + "/{id}/statements", () -> ApiRequest.empty()
                        .withPath("id", f.settlement()))
                .seed("GET " + SETTLEMENTS + "/{id}/statements/{producerId}", () -> ApiRequest.empty()
                        .withPath("id", f.settlement()).withPath("producerId", rosa))
                .seed("GET /api/v1/statements", () -> ApiRequest.empty().withQuery("producerId", rosa))
                .seed("GET /api/v1/purchase-ledger", () -> october().withQuery("organisationId", org))
                .seed("GET /api/v1/statement-lines", () -> ApiRequest.empty().withQuery("lotId", f.lot()))
                .seed("GET /api/v1/compliance/{scope}/{id}",
                        () -> october().withPath("scope", "agreements").withPath("id", f.agreement()))
                .run();

        assertEquals(List.of(), report.failures());
    }

    private static ApiRequest october() {
        return ApiRequest.empty().withQuery("from", OCT_1).withQuery("to", OCT_1.plusDays(30));
    }

    private Fortnight fortnight() {
        UUID organisation = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        Deliveries milk = new Deliveries(organisation, buyer, "milk", "L");
        milk.producer(producer, "Rosa Quispe", UpstreamEvents.terms().basePrice("1.00"));
        UpstreamEvents.publish(UpstreamEvents.agreement().organisation(organisation).buyer(buyer).group(network)
                .product("milk", "L").from(Deliveries.START).to(END).terms(UpstreamEvents.terms()).activated());
        Feed.await("the network's agreement", () -> ((Number) em.createNativeQuery(
                "select count(*) from agreement_ref where group_id = :g").setParameter("g", network)
                .getSingleResult()).intValue() == 1);
        UUID lot = milk.lot(producer, OCT_1.plusDays(1), "40", "ACCEPTED").id();
        milk.awaitAll(em);
        Feed.awaitTermsOf(em, producer);
        JsonPath run = given().header(TestTokens.as(organisation, Roles.TREASURER)).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "fortnightStart", OCT_1.toString()))
                .post(SETTLEMENTS + "/runs").then().statusCode(200).extract().jsonPath();
        return new Fortnight(organisation, producer, run.getString("id"), run.getString("lastRunId"),
                milk.agreementOf(producer), network, lot);
    }

    private static Map<String, Object> chargeBody(UUID id, UUID org, UUID producer) {
        return Map.of("id", id, "organisationId", org, "producerId", producer, "kind", "FEED",
                "description", "Concentrado", "amount", new BigDecimal("10.00"),
                "chargeDate", OCT_1.plusDays(1).toString(), "instalments", 1);
    }

    private Map<String, Object> remittanceBody(UUID id, UUID org) {
        return Map.of("id", id, "organisationId", org, "buyerId", buyer, "fortnightStart", OCT_1.toString(),
                "product", "milk", "quantityPaid", new BigDecimal("40.000"), "unit", "L",
                "amount", new BigDecimal("45.00"), "receivedOn", "2026-10-20", "reference", "TRF-0001");
    }
}

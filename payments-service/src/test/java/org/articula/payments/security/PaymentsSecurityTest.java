package org.articula.payments.security;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.SecurityAssertions.forbidden;
import static org.articula.localstack.testing.SecurityAssertions.notFound;
import static org.articula.localstack.testing.SecurityAssertions.unauthorized;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in payments-service: invalid tokens are 401, roles that do not fit 403, another
 * organisation's charges, settlements, statements, remittances and reconciliations 404 (reads and
 * writes), a producer reads only their own statement, and every change is audited.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentsSecurityTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);

    @Inject
    EntityManager em;

    UUID organisation = UUID.randomUUID();
    UUID buyer = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID charge = UUID.randomUUID();
    UUID remittance = UUID.randomUUID();
    String settlement;
    String runId;

    @BeforeEach
    void rosaDeliveredAndTheFortnightIsComputed() {
        Deliveries milk = new Deliveries(organisation, buyer, "milk", "L");
        milk.producer(rosa, "Rosa Quispe", UpstreamEvents.terms().basePrice("1.00"));
        milk.lot(rosa, OCT_1.plusDays(1), "40", "ACCEPTED");
        milk.awaitAll(em);
        Feed.awaitTermsOf(em, rosa);
        TestTokens.actAs("Tesorera", organisation, Roles.TREASURER);
        given().contentType(ContentType.JSON).body(chargeBody(charge, organisation)).post("/api/v1/charges")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(remittanceBody(remittance, organisation)).post("/api/v1/remittances")
                .then().statusCode(201);
        var run = given().contentType(ContentType.JSON).body(runBody(organisation)).post("/api/v1/settlements/runs")
                .then().statusCode(200).extract().jsonPath();
        settlement = run.getString("id");
        runId = run.getString("lastRunId");
    }

    @Test
    void tokensThatAreMissingExpiredForgedOrUnsignedAre401() {
        String url = "/api/v1/settlements/" + settlement;
        unauthorized(given().header(TestTokens.anonymous()).get(url).then());
        for (String bad : List.of(TestTokens.expired(organisation, Roles.TREASURER),
                TestTokens.forged(organisation, Roles.TREASURER), TestTokens.unsigned(organisation, Roles.TREASURER))) {
            unauthorized(given().header(TestTokens.as(bad)).get(url).then());
            unauthorized(given().header(TestTokens.as(bad)).contentType(ContentType.JSON).body(Map.of())
                    .post(url + "/closing").then());
        }
        given().header(TestTokens.anonymous()).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRest() {
        String url = "/api/v1/settlements/" + settlement;
        Header auditor = TestTokens.as(organisation, Roles.AUDITOR);
        given().header(auditor).get(url).then().statusCode(200);
        given().header(auditor).get("/api/v1/settlements").then().statusCode(200).body("id", contains(settlement));
        given().header(auditor).get(url + "/statements/" + rosa).then().statusCode(200);
        given().header(auditor).get("/api/v1/settlements/runs/" + runId).then().statusCode(200);
        given().header(auditor).get("/api/v1/charges/" + charge).then().statusCode(200);
        given().header(auditor).get("/api/v1/remittances/" + remittance).then().statusCode(200);
        given().header(auditor).queryParams("organisationId", organisation, "fortnightStart", OCT_1.toString())
                .get("/api/v1/reconciliations").then().statusCode(200);
        for (String role : List.of(Roles.AUDITOR, Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.PRODUCER)) {
            Header as = TestTokens.as(organisation, role);
            forbidden(given().header(as).contentType(ContentType.JSON).body(runBody(organisation))
                    .post("/api/v1/settlements/runs").then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(Map.of()).post(url + "/closing").then());
            forbidden(given().header(as).contentType(ContentType.JSON)
                    .body(Map.of("producerId", rosa, "paidOn", "2026-10-20")).post(url + "/payouts").then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(Map.of("payouts",
                    List.of(Map.of("producerId", rosa, "paidOn", "2026-10-20")))).post(url + "/payouts/batch").then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(chargeBody(UUID.randomUUID(), organisation))
                    .post("/api/v1/charges").then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                    .post("/api/v1/charges/" + charge + "/cancellation").then());
            forbidden(given().header(as).contentType(ContentType.JSON)
                    .body(remittanceBody(UUID.randomUUID(), organisation)).post("/api/v1/remittances").then());
        }
        for (String role : List.of(Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.PRODUCER)) {
            forbidden(given().header(TestTokens.as(organisation, role)).get("/api/v1/settlements").then());
        }
        for (String role : List.of(Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR)) {
            forbidden(given().header(TestTokens.as(organisation, role)).get(url).then());
            forbidden(given().header(TestTokens.as(organisation, role)).get("/api/v1/charges/" + charge).then());
        }

        // A producer reads their own statement and nothing else.
        Header rosaHerself = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Rosa", organisation, Roles.PRODUCER)
                .withProducer(rosa)));
        given().header(rosaHerself).get(url + "/statements/" + rosa).then().statusCode(200).body("gross", is(40.00f));
        given().header(rosaHerself).accept("text/html").get(url + "/statements/" + rosa).then().statusCode(200);
        Header julio = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Julio", organisation, Roles.PRODUCER)
                .withProducer(UUID.randomUUID())));
        notFound(given().header(julio).get(url + "/statements/" + rosa).then());
        forbidden(given().header(rosaHerself).get(url).then());
        forbidden(given().header(rosaHerself).get("/api/v1/charges/" + charge).then());
        forbidden(given().header(rosaHerself).queryParams("organisationId", organisation, "fortnightStart",
                OCT_1.toString()).get("/api/v1/reconciliations").then());
    }

    @Test
    void anotherOrganisationsPaymentsAreNotFoundWhateverIdIsSent() {
        UUID stranger = UUID.randomUUID();
        Header other = TestTokens.as(stranger, Roles.TREASURER, Roles.AUDITOR);
        String url = "/api/v1/settlements/" + settlement;
        // settlements, runs, statements, closing and payouts
        notFound(given().header(other).get(url).then());
        notFound(given().header(other).queryParam("organisationId", organisation).get("/api/v1/settlements").then());
        given().header(other).get("/api/v1/settlements").then().statusCode(200).body("$", empty());
        notFound(given().header(other).get(url + "/statements/" + rosa).then());
        notFound(given().header(other).get("/api/v1/settlements/runs/" + runId).then());
        notFound(given().header(other).contentType(ContentType.JSON).body(runBody(organisation))
                .post("/api/v1/settlements/runs").then());
        notFound(given().header(other).contentType(ContentType.JSON).body(Map.of()).post(url + "/closing").then());
        notFound(given().header(other).contentType(ContentType.JSON)
                .body(Map.of("producerId", rosa, "paidOn", "2026-10-20")).post(url + "/payouts").then());
        notFound(given().header(other).contentType(ContentType.JSON).body(Map.of("payouts",
                List.of(Map.of("producerId", rosa, "paidOn", "2026-10-20")))).post(url + "/payouts/batch").then());
        // charges
        notFound(given().header(other).get("/api/v1/charges/" + charge).then());
        notFound(given().header(other).queryParams("organisationId", organisation, "producerId", rosa)
                .get("/api/v1/charges").then());
        given().header(other).queryParam("producerId", rosa).get("/api/v1/charges").then().statusCode(200)
                .body("$", empty());
        notFound(given().header(other).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/api/v1/charges/" + charge + "/cancellation").then());
        notFound(given().header(other).contentType(ContentType.JSON).body(chargeBody(UUID.randomUUID(), organisation))
                .post("/api/v1/charges").then());
        // Our producer, under their own organisation: unknown to them, whatever the id.
        notFound(given().header(other).contentType(ContentType.JSON).body(chargeBody(charge, stranger))
                .post("/api/v1/charges").then());
        // remittances and reconciliations
        notFound(given().header(other).get("/api/v1/remittances/" + remittance).then());
        notFound(given().header(other).contentType(ContentType.JSON)
                .body(remittanceBody(UUID.randomUUID(), organisation)).post("/api/v1/remittances").then());
        notFound(given().header(other).queryParams("organisationId", organisation, "fortnightStart", OCT_1.toString())
                .get("/api/v1/reconciliations").then());
        // the audit trail
        given().header(other).queryParams("resourceType", "Settlement", "resourceId", settlement).get("/api/v1/audit")
                .then().statusCode(200).body("$", empty());

        given().get(url).then().statusCode(200).body("status", is("OPEN")); // untouched
        given().get("/api/v1/charges/" + charge).then().statusCode(200).body("status", is("ACTIVE"));
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhen() {
        String url = "/api/v1/settlements/" + settlement;
        UUID other = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(chargeBody(other, organisation)).post("/api/v1/charges")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("reason", "registrado por error"))
                .post("/api/v1/charges/" + other + "/cancellation").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of()).post(url + "/closing").then().statusCode(200)
                .body("closedBy", is("Tesorera"));
        given().contentType(ContentType.JSON)
                .body(Map.of("producerId", rosa, "paidOn", "2026-10-20", "reference", "OP-1"))
                .post(url + "/payouts").then().statusCode(200);

        Header auditor = TestTokens.as(organisation, Roles.AUDITOR);
        audit(auditor, "Settlement", settlement).body("action", contains("COMPUTED", "CLOSED", "PAID"))
                .body("actor", everyItem(is("Tesorera"))).body("[2].detail.producerId", is(rosa.toString()))
                .body("[2].detail.reference", is("OP-1"));
        audit(auditor, "Charge", other.toString()).body("action", contains("RECORDED", "CANCELLED"));
        audit(auditor, "Remittance", remittance.toString()).body("action", contains("RECORDED"));
    }

    private static ValidatableResponse audit(Header as, String type, String id) {
        return given().header(as).queryParams("resourceType", type, "resourceId", id).get("/api/v1/audit")
                .then().statusCode(200);
    }

    private Map<String, Object> chargeBody(UUID id, UUID org) {
        return Map.of("id", id, "organisationId", org, "producerId", rosa, "kind", "FEED", "description", "Concentrado",
                "amount", new BigDecimal("10.00"), "chargeDate", OCT_1.plusDays(1).toString(), "instalments", 1);
    }

    private Map<String, Object> remittanceBody(UUID id, UUID org) {
        return Map.of("id", id, "organisationId", org, "buyerId", buyer, "fortnightStart", OCT_1.toString(),
                "product", "milk", "quantityPaid", new BigDecimal("40"), "unit", "L", "amount", new BigDecimal("45.00"),
                "receivedOn", "2026-10-20");
    }

    private static Map<String, Object> runBody(UUID org) {
        return Map.of("organisationId", org, "fortnightStart", OCT_1.toString());
    }
}

package org.articula.contracts.security;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.articula.localstack.testing.SecurityAssertions.forbidden;
import static org.articula.localstack.testing.SecurityAssertions.notFound;
import static org.articula.localstack.testing.SecurityAssertions.unauthorized;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in contracts-service: tokens that are not valid are 401, roles that do not fit are
 * 403, another organisation's organisations, producers, products and agreements are 404 whatever id
 * is sent, and every change leaves an audit entry.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class ContractsSecurityTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    UUID processor;
    UUID association;
    UUID network;
    UUID member;
    UUID agreementId;

    @BeforeEach
    void anAssociationWithAnAgreementAndAStranger() {
        processor = Fixtures.organisation("Planta Lechera del Norte S.A.C.", "PROCESSOR", null);
        association = Fixtures.organisation("Asociación de Productores Lecheros de Laredo", "ASSOCIATION", null);
        network = Fixtures.organisation("Red Conache", "PRODUCER_GROUP", association);
        member = Fixtures.producer(association, network, dni(), "Rosa Quispe Huamán");
        TestTokens.actAs("Carmen Vásquez", association, Roles.BUYER_ADMIN);
        Map<String, Object> body = agreement(processor, "PRODUCER", member, TODAY.minusDays(10), TODAY.plusDays(300));
        agreementId = (UUID) body.get("id");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/agreements").then().statusCode(201);
    }

    @Test
    void tokensThatAreMissingExpiredForgedUnsignedOrFromAnotherIssuerAre401() {
        String url = "/api/v1/agreements/" + agreementId;
        unauthorized(given().header(TestTokens.anonymous()).get(url).then());
        for (String bad : List.of(TestTokens.expired(association, Roles.BUYER_ADMIN),
                TestTokens.forged(association, Roles.BUYER_ADMIN), TestTokens.unsigned(association, Roles.BUYER_ADMIN),
                TestTokens.otherIssuer(association, Roles.BUYER_ADMIN), "not-a-jwt")) {
            unauthorized(given().header(TestTokens.as(bad)).get(url).then());
            unauthorized(given().header(TestTokens.as(bad)).contentType(ContentType.JSON).body(Map.of())
                    .post(url + "/activation").then());
        }
        given().get(url).then().statusCode(200); // the same request with a good token

        // Operations endpoints stay open, with or without a token.
        given().header(TestTokens.anonymous()).get("/q/health/ready").then().statusCode(200);
        given().header(TestTokens.as(TestTokens.forged(association, Roles.AUDITOR))).get("/q/health/live")
                .then().statusCode(200);
        given().header(TestTokens.anonymous()).get("/q/openapi").then().statusCode(200);
        given().header(TestTokens.anonymous()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRest() {
        String agreementUrl = "/api/v1/agreements/" + agreementId;
        String producers = "/api/v1/organisations/" + association + "/producers";
        Map<String, Object> newProducer = Map.of("id", UUID.randomUUID(), "nationalId", dni(), "name", "Julio Cruz",
                "district", "Laredo");
        for (String reader : List.of(Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR)) {
            Header as = TestTokens.as(association, reader);
            given().header(as).get(agreementUrl).then().statusCode(200);
            given().header(as).get("/api/v1/organisations/" + association).then().statusCode(200);
            given().header(as).get(producers + "/" + member).then().statusCode(200);
            given().header(as).get("/api/v1/organisations/" + association + "/products").then().statusCode(200);
            forbidden(given().header(as).contentType(ContentType.JSON).body(Map.of()).post(agreementUrl + "/activation")
                    .then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(newProducer).post(producers).then());
            forbidden(given().header(as).contentType(ContentType.JSON)
                    .body(agreement(processor, "PRODUCER", member, TODAY, TODAY.plusDays(30)))
                    .post("/api/v1/agreements")
                    .then());
        }
        // A producer reads only their lots and statements (other services): nothing here.
        Header producer = TestTokens.as(TestTokens.sign(org.articula.localstack.security.Tokens.Claims
                .of("Rosa", association, Roles.PRODUCER).withProducer(member)));
        forbidden(given().header(producer).get(agreementUrl).then());
        forbidden(given().header(producer).get(producers + "/" + member).then());
        forbidden(given().header(producer).get("/api/v1/audit").then());
        // The auditor reads the audit trail; a centre operator does not.
        given().header(TestTokens.as(association, Roles.AUDITOR)).get("/api/v1/audit").then().statusCode(200);
        forbidden(given().header(TestTokens.as(association, Roles.CENTRE_OPERATOR)).get("/api/v1/audit").then());

        Header admin = TestTokens.as(association, Roles.BUYER_ADMIN);
        given().header(admin).contentType(ContentType.JSON).body(newProducer).post(producers).then().statusCode(201);
        given().header(admin).contentType(ContentType.JSON).body(Map.of()).post(agreementUrl + "/activation")
                .then().statusCode(200).body("status", is("ACTIVE"));
    }

    @Test
    void anotherOrganisationsResourcesAreNotFoundWhateverIdIsSent() {
        UUID strangerOrg = Fixtures.organisation("Cooperativa Agraria La Convención", "COOPERATIVE", null);
        Header stranger = TestTokens.as(strangerOrg, Roles.BUYER_ADMIN, Roles.AUDITOR);
        String producers = "/api/v1/organisations/" + association + "/producers";

        // organisations and producer groups
        notFound(given().header(stranger).get("/api/v1/organisations/" + association).then());
        notFound(given().header(stranger).get("/api/v1/organisations/" + network).then());
        notFound(given().header(stranger).contentType(ContentType.JSON)
                .body(Map.of("id", association, "name", "Otra", "kind", "ASSOCIATION")).post("/api/v1/organisations")
                .then());
        given().header(stranger).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID(), "name", "Red intrusa", "kind", "PRODUCER_GROUP", "parentId",
                        association))
                .post("/api/v1/organisations").then().statusCode(400).body("violations[0].field", is("parentId"));
        // producers
        notFound(given().header(stranger).get(producers).then());
        notFound(given().header(stranger).get(producers + "/" + member).then());
        notFound(given().header(stranger).get("/api/v1/organisations/" + strangerOrg + "/producers/" + member).then());
        notFound(given().header(stranger).contentType(ContentType.JSON)
                .body(Map.of("name", "Cambiada", "district", "Laredo", "version", 0)).put(producers + "/" + member)
                .then());
        notFound(given().header(stranger).contentType(ContentType.JSON)
                .body(Map.of("id", UUID.randomUUID(), "nationalId", dni(), "name", "Intruso", "district", "Laredo"))
                .post(producers).then());
        notFound(given().header(stranger).contentType("text/csv").body("nationalId,name,district\n"
                + dni() + ",Intruso,Laredo\n").post(producers + "/import").then());
        // products
        notFound(given().header(stranger).get("/api/v1/organisations/" + association + "/products").then());
        notFound(given().header(stranger).contentType(ContentType.JSON)
                .body(Map.of("code", "mango_extra", "name", "Mango extra", "unit", "kg"))
                .post("/api/v1/organisations/" + association + "/products").then());
        // agreements: read, change, list, look-ups, and a new one over our producer
        String agreementUrl = "/api/v1/agreements/" + agreementId;
        notFound(given().header(stranger).get(agreementUrl).then());
        notFound(given().header(stranger).get(agreementUrl + "/versions").then());
        notFound(given().header(stranger).queryParam("date", TODAY.toString()).get(agreementUrl + "/as-of").then());
        notFound(
                given().header(stranger).contentType(ContentType.JSON).body(Map.of()).post(agreementUrl + "/activation")
                        .then());
        notFound(given().header(stranger).contentType(ContentType.JSON).body(Map.of("reasonCode", "MUTUAL"))
                .post(agreementUrl + "/termination").then());
        notFound(given().header(stranger).queryParams("producerId", member, "product", "milk")
                .get("/api/v1/agreements/applicable").then());
        given().header(stranger).queryParam("organisationId", association).get("/api/v1/agreements")
                .then().statusCode(200).body("$", empty());
        given().header(stranger).contentType(ContentType.JSON)
                .body(agreement(strangerOrg, "PRODUCER", member, TODAY, TODAY.plusDays(30))).post("/api/v1/agreements")
                .then().statusCode(400).body("violations.field", hasItem("counterparty.id"));
        // the audit trail of our agreement
        given().header(stranger).queryParams("resourceType", "Agreement", "resourceId", agreementId.toString())
                .get("/api/v1/audit").then().statusCode(200).body("$", empty());

        given().get(agreementUrl).then().statusCode(200).body("status", is("DRAFT")); // untouched
    }

    @Test
    void theBuyerReadsTheAgreementButOnlyTheProducersOrganisationChangesIt() {
        Header buyer = TestTokens.as(processor, Roles.BUYER_ADMIN);
        given().header(buyer).get("/api/v1/agreements/" + agreementId).then().statusCode(200);
        given().header(buyer).queryParam("buyerId", processor).get("/api/v1/agreements")
                .then().statusCode(200).body("id", hasItem(agreementId.toString()));
        forbidden(given().header(buyer).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/agreements/" + agreementId + "/activation").then());
        notFound(given().header(buyer).get("/api/v1/organisations/" + association + "/producers/" + member).then());
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhen() {
        String agreementUrl = "/api/v1/agreements/" + agreementId;
        given().contentType(ContentType.JSON).body(Map.of()).post(agreementUrl + "/activation").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reason", "antibióticos"))
                .post(agreementUrl + "/suspension").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("reasonCode", "MUTUAL")).post(agreementUrl + "/termination")
                .then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Rosa Quispe Huamán de Cruz", "district", "Laredo", "version", 0))
                .put("/api/v1/organisations/" + association + "/producers/" + member).then().statusCode(200);

        Header auditor = TestTokens.as(association, Roles.AUDITOR);
        audit(auditor, "Agreement", agreementId)
                .body("action", contains("CREATED", "ACTIVATED", "SUSPENDED", "TERMINATED"))
                .body("actor", everyItem(is("Carmen Vásquez")))
                .body("actorOrganisationId", everyItem(is(association.toString())))
                .body("occurredAt", everyItem(not(empty())))
                .body("[2].detail.effectiveOn", is(TODAY.toString()));
        audit(auditor, "Producer", member).body("action", contains("REGISTERED", "UPDATED"));
        audit(auditor, "Organisation", network).body("action", contains("REGISTERED"));
    }

    private static ValidatableResponse audit(Header as, String type, UUID id) {
        return given().header(as).queryParams("resourceType", type, "resourceId", id.toString()).get("/api/v1/audit")
                .then().statusCode(200);
    }
}

package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.activeAgreement;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Technical assistance as delivered, under the Laredo milk clauses: technical visits free, veterinary service
 * charged to the producer in up to 2 instalments ({@link Fixtures#milkClauses}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class AssistanceApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");
    static final String PROBLEM = "application/problem+json";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    UUID processor;
    UUID association;
    UUID network;
    UUID rosa;
    UUID julio;

    @BeforeEach
    void laredoNetworkSellingToAProcessor() {
        processor = Fixtures.organisation("Planta Lechera Asistida S.A.C.", "PROCESSOR", null);
        association = Fixtures.organisation("Asociación Lechera Asistida", "ASSOCIATION", null);
        network = Fixtures.organisation("Red Asistida", "PRODUCER_GROUP", association);
        rosa = Fixtures.producer(association, network, dni(), "Rosa Quispe Huamán");
        julio = Fixtures.producer(association, network, dni(), "Julio Rodríguez Cruz");
        TestTokens.actAs("Carmen Vásquez", association, Roles.BUYER_ADMIN, Roles.AUDITOR);
    }

    @Test
    void aChargedVeterinaryServiceIsSplitAndAFreeVisitCountsAsTheBuyersFreeAssistance() {
        UUID agreement = activeAgreement(agreement(processor, "PRODUCER_GROUP", network, TODAY.minusDays(30),
                TODAY.plusDays(300)));
        Map<String, Object> vet = delivery("VETERINARY_SERVICE", TODAY.minusDays(2), "45.01", null);
        String first = record(agreement, vet).statusCode(201).body("charged", is(true)).body("clauseVersion", is(1))
                .body("maxInstalments", is(2)).body("wholeNetwork", is(true)).body("producers", hasSize(2))
                .extract().asString();
        // 45.01 between two: 22.50 each, the céntimo left over to the lower id.
        List<String> ids = List.of(rosa.toString(), julio.toString()).stream().sorted().toList();
        given().get(assistance(agreement)).then().statusCode(200)
                .body("producers[0].producerId", contains(ids.toArray()))
                .body("producers[0].charged", contains(22.51f, 22.50f));
        assertEquals(first, record(agreement, vet).statusCode(200).extract().asString(), "a repeat answers the same");

        record(agreement, delivery("TECHNICAL_VISITS", TODAY.minusDays(1), "80.00", List.of(rosa))).statusCode(201)
                .body("charged", is(false)).body("producers[0].charged", is(0.0f));
        // Training is not in the clause at all: nothing says the producers pay for it, so it is free.
        record(agreement, delivery("TRAINING", TODAY, "120.50", List.of(rosa, julio))).statusCode(201)
                .body("charged", is(false));

        given().queryParam("buyerId", processor).queryParam("from", TODAY.minusDays(7).toString())
                .queryParam("to", TODAY.toString()).get("/api/v1/assistance/free-cost").then().statusCode(200)
                .body("cost", is(200.50f)).body("deliveries", is(2));

        EventEnvelope event = EventJson.read(PUBLISHED.await(vet.get("id").toString(), 1).get(0).value());
        assertEquals("AssistanceDelivered", event.type());
        assertEquals(association, event.organisationId());
        assertEquals("45.01", event.payload().at("/delivery/cost").decimalValue().toPlainString());
        assertEquals("22.51", event.payload().at("/delivery/producers/0/charged").decimalValue().toPlainString());
        given().queryParam("resourceType", "AssistanceDelivery").queryParam("resourceId", vet.get("id").toString())
                .get("/api/v1/audit").then().statusCode(200).body("action", contains("ASSISTANCE_DELIVERED"));
    }

    @Test
    void refusalsNameTheFieldAndWriteNothing() {
        UUID agreement = activeAgreement(
                agreement(processor, "PRODUCER", rosa, TODAY.minusDays(30), TODAY.plusDays(300)));
        Map<String, Object> future = delivery("VETERINARY_SERVICE", TODAY.plusDays(1), "45.01", List.of(rosa));
        refused(agreement, future, 400, "deliveredOn");
        Map<String, Object> stranger = delivery("VETERINARY_SERVICE", TODAY, "45.01", List.of(rosa, julio));
        refused(agreement, stranger, 400, "producerIds[1]");
        refused(agreement, delivery("FEED_SUPPLY", TODAY, "45.011", List.of(rosa)), 400, "cost");

        given().contentType(ContentType.JSON).body(Map.of("reason", "sequía"))
                .post("/api/v1/agreements/" + agreement + "/suspension").then().statusCode(200);
        Map<String, Object> suspended = delivery("VETERINARY_SERVICE", TODAY.minusDays(1), "45.01", List.of(rosa));
        refused(agreement, suspended, 422, "agreementId");

        given().get(assistance(agreement)).then().statusCode(200).body("", hasSize(0));
        for (Map<String, Object> body : List.of(future, stranger, suspended)) {
            PUBLISHED.await(body.get("id").toString(), 0);
        }
    }

    @Test
    void anotherOrganisationsAgreementIsNotFoundTheAssociationsOtherRolesOnlyReadAndTheBuyerRecords() {
        UUID agreement = activeAgreement(
                agreement(processor, "PRODUCER", rosa, TODAY.minusDays(30), TODAY.plusDays(300)));
        UUID other = Fixtures.organisation("Cooperativa Ajena", "ASSOCIATION", null);
        given().header(TestTokens.as(other, Roles.BUYER_ADMIN)).contentType(ContentType.JSON)
                .body(delivery("TRAINING", TODAY, "10.00", null)).post(assistance(agreement))
                .then().statusCode(404).contentType(PROBLEM);
        given().header(TestTokens.as(other, Roles.AUDITOR)).get(assistance(agreement)).then().statusCode(404);
        given().header(TestTokens.as(other, Roles.AUDITOR)).queryParam("buyerId", processor)
                .queryParam("from", TODAY.toString()).queryParam("to", TODAY.toString())
                .get("/api/v1/assistance/free-cost").then().statusCode(404);
        given().header(TestTokens.as(association, Roles.TREASURER)).contentType(ContentType.JSON)
                .body(delivery("TRAINING", TODAY, "10.00", null)).post(assistance(agreement)).then().statusCode(403);
        given().header(TestTokens.as(association, Roles.TREASURER)).get(assistance(agreement)).then().statusCode(200);

        // The buyer, party to the agreement, delivers the assistance: its admin records it, and it reads its free cost.
        given().header(TestTokens.as(processor, Roles.BUYER_ADMIN)).contentType(ContentType.JSON)
                .body(delivery("TRAINING", TODAY, "10.00", null)).post(assistance(agreement)).then().statusCode(201)
                .body("charged", is(false)).body("organisationId", is(association.toString()));
        given().header(TestTokens.as(processor, Roles.AUDITOR)).queryParam("buyerId", processor)
                .queryParam("from", TODAY.toString()).queryParam("to", TODAY.toString())
                .get("/api/v1/assistance/free-cost").then().statusCode(200).body("cost", is(10.00f))
                .body("deliveries", is(1));
    }

    private static void refused(UUID agreement, Map<String, Object> body, int status, String field) {
        record(agreement, body).statusCode(status).contentType(PROBLEM).body("violations.field", contains(field));
    }

    private static ValidatableResponse record(UUID agreement, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(assistance(agreement)).then();
    }

    private static String assistance(UUID agreement) {
        return "/api/v1/agreements/" + agreement + "/assistance";
    }

    private static Map<String, Object> delivery(String kind, LocalDate on, String cost, List<UUID> producers) {
        Map<String, Object> body = new HashMap<>(Map.of("id", UUID.randomUUID(), "kind", kind, "deliveredOn",
                on.toString(), "deliveredBy", "MV Jorge Salazar", "cost", new java.math.BigDecimal(cost)));
        if (producers != null) {
            body.put("producerIds", producers);
        }
        return body;
    }
}

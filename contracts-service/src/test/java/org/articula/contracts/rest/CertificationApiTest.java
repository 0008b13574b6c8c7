package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.dni;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
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
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cacao cooperative of La Convención with one network: its organic group certificate covers every member, a
 * producer's own Fairtrade certificate covers only them, and agreements may require a scheme.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class CertificationApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");
    static final String PROBLEM = "application/problem+json";
    static final String CERTIFICATIONS = "/api/v1/certifications";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    UUID cooperative;
    UUID network;
    UUID rosa;
    UUID julio;

    @BeforeEach
    void cacaoCooperativeWithOneNetwork() {
        cooperative = Fixtures.organisation("Cooperativa Cacaotera Certificada", "COOPERATIVE", null);
        network = Fixtures.organisation("Red Echarati", "PRODUCER_GROUP", cooperative);
        rosa = Fixtures.producer(cooperative, network, dni(), "Rosa Quispe Huamán");
        julio = Fixtures.producer(cooperative, null, dni(), "Julio Condori Ccahua");
        TestTokens.actAs("Carmen Vásquez", cooperative, Roles.BUYER_ADMIN, Roles.AUDITOR);
    }

    @Test
    void aGroupCertificateCoversTheMembersAProducersOwnOnlyThemAndARepeatAnswersTheSame() {
        Map<String, Object> organic = certificate("ORGANIC", null, cooperative, TODAY.minusDays(200),
                TODAY.plusDays(165));
        String first = record(organic).statusCode(201)
                .header("Location", endsWith(CERTIFICATIONS + "/" + organic.get("id")))
                .body("holderOrganisationId", is(cooperative.toString())).body("producerId", nullValue())
                .body("organisationId", is(cooperative.toString())).body("recordedBy", is("Carmen Vásquez"))
                .extract().asString();
        assertEquals(first, record(organic).statusCode(200).extract().asString(), "a repeat answers the same");
        Map<String, Object> changed = new HashMap<>(organic);
        changed.put("code", "CU-PE-999999");
        record(changed).statusCode(409).contentType(PROBLEM);

        Map<String, Object> fairtrade = certificate("FAIRTRADE", julio, null, TODAY.minusDays(10), TODAY.plusDays(355));
        fairtrade.put("products", List.of("cacao", "coffee"));
        record(fairtrade).statusCode(201);

        given().queryParam("producerId", rosa).get(CERTIFICATIONS).then().statusCode(200)
                .body("id", contains(organic.get("id").toString()));
        given().queryParam("producerId", julio).get(CERTIFICATIONS).then().statusCode(200)
                .body("scheme", contains("ORGANIC", "FAIRTRADE"));
        given().get(CERTIFICATIONS).then().statusCode(200).body("", hasSize(2));
        given().queryParam("organisationId", network).get(CERTIFICATIONS).then().statusCode(200).body("", hasSize(0));
        given().get(CERTIFICATIONS + "/" + fairtrade.get("id")).then().statusCode(200)
                .body("products", contains("cacao", "coffee"));

        // Julio reads his own (and his cooperative's); Rosa's token cannot read his.
        var julioToken = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Julio", cooperative, Roles.PRODUCER)
                .withProducer(julio)));
        given().header(julioToken).get(CERTIFICATIONS).then().statusCode(200).body("", hasSize(2));
        var rosaToken = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Rosa", cooperative, Roles.PRODUCER)
                .withProducer(rosa)));
        given().header(rosaToken).queryParam("producerId", julio).get(CERTIFICATIONS).then().statusCode(404);
        given().header(rosaToken).get(CERTIFICATIONS + "/" + fairtrade.get("id")).then().statusCode(404);
        given().header(TestTokens.as(cooperative, Roles.TREASURER)).contentType(ContentType.JSON)
                .body(certificate("ORGANIC", rosa, null, TODAY, TODAY)).post(CERTIFICATIONS).then().statusCode(403);

        EventEnvelope event = EventJson.read(PUBLISHED.await(organic.get("id").toString(), 1).get(0).value());
        assertEquals("CertificationRecorded", event.type());
        assertEquals(cooperative, event.organisationId());
        assertEquals("ORGANIC", event.payload().at("/certification/scheme").asText());
    }

    @Test
    void refusalsNameTheFieldAndStoreNothing() {
        Map<String, Object> twoHolders = certificate("ORGANIC", rosa, cooperative, TODAY, TODAY.plusDays(1));
        refused(twoHolders, 400, "producerId");
        Map<String, Object> unnamed = certificate("OTHER", rosa, null, TODAY, TODAY.plusDays(1));
        refused(unnamed, 400, "schemeName");
        Map<String, Object> backwards = certificate("ORGANIC", rosa, null, TODAY, TODAY.minusDays(1));
        refused(backwards, 400, "validTo");
        Map<String, Object> unknownProduct = certificate("ORGANIC", rosa, null, TODAY, TODAY.plusDays(1));
        unknownProduct.put("products", List.of("cacao", "cacao_fino"));
        refused(unknownProduct, 400, "products[1]");
        UUID stranger = Fixtures.producer(Fixtures.organisation("Cooperativa Ajena", "COOPERATIVE", null), null,
                dni(), "Teodoro Ccama Flores");
        Map<String, Object> foreign = certificate("ORGANIC", stranger, null, TODAY, TODAY.plusDays(1));
        record(foreign).statusCode(404).contentType(PROBLEM);

        given().get(CERTIFICATIONS).then().statusCode(200).body("", hasSize(0));
        for (Map<String, Object> body : List.of(twoHolders, unnamed, backwards, unknownProduct, foreign)) {
            PUBLISHED.await(body.get("id").toString(), 0);
        }
    }

    @Test
    void expiringListsTheSoonestFirstAndTheEndedOnesAnAgreementStillRequires() {
        UUID buyer = Fixtures.organisation("Chocolates del Sur S.A.C.", "EXPORTER", null);
        Map<String, Object> agreement = Fixtures.agreement(buyer, "PRODUCER_GROUP", network, TODAY.minusDays(30),
                TODAY.plusDays(300));
        agreement.put("product", "cacao");
        Fixtures.path(agreement, "clauses").put("certification", Map.of("required", "ORGANIC"));
        UUID requiring = Fixtures.activeAgreement(agreement);
        given().get("/api/v1/agreements/" + requiring).then().statusCode(200)
                .body("versions[0].clauses.certification.required", is("ORGANIC"))
                .body("versions[0].clauses.certification.schemeName", nullValue());

        Map<String, Object> julios = Fixtures.agreement(buyer, "PRODUCER", julio, TODAY.minusDays(30),
                TODAY.plusDays(300));
        julios.put("product", "cacao");
        Fixtures.path(julios, "clauses").put("certification", Map.of("required", "ORGANIC"));
        Fixtures.activeAgreement(julios);

        // Rosa's organic certificate ended 5 days ago; Julio's ended yesterday but a new one has replaced it.
        Map<String, Object> endedRequired = certificate("ORGANIC", rosa, null, TODAY.minusDays(400),
                TODAY.minusDays(5));
        Map<String, Object> endedUnrequired = certificate("FAIRTRADE", rosa, null, TODAY.minusDays(400),
                TODAY.minusDays(3));
        Map<String, Object> endingSoon = certificate("RAINFOREST_ALLIANCE", julio, null, TODAY.minusDays(300),
                TODAY.plusDays(10));
        Map<String, Object> endingLater = certificate("ORGANIC", julio, null, TODAY, TODAY.plusDays(90));
        Map<String, Object> renewed = certificate("ORGANIC", julio, null, TODAY.minusDays(400), TODAY.minusDays(1));
        for (Map<String, Object> c : List.of(endedRequired, endedUnrequired, endingSoon, endingLater, renewed)) {
            record(c).statusCode(201);
        }
        given().queryParam("withinDays", 60).get(CERTIFICATIONS + "/expiring").then().statusCode(200)
                .body("certification.id", contains(endedRequired.get("id").toString(),
                        endingSoon.get("id").toString()))
                .body("daysLeft", contains(-5, 10)).body("expired", contains(true, false))
                .body("requiredBy[0]", contains(requiring.toString()));
        given().queryParam("withinDays", 367).get(CERTIFICATIONS + "/expiring").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void anAgreementRequiringAnotherSchemeNamesIt() {
        UUID buyer = Fixtures.organisation("Cafés de Altura S.A.C.", "EXPORTER", null);
        Map<String, Object> agreement = Fixtures.agreement(buyer, "PRODUCER", julio, TODAY, TODAY.plusDays(300));
        Fixtures.path(agreement, "clauses").put("certification", Map.of("required", "OTHER"));
        given().contentType(ContentType.JSON).body(agreement).post("/api/v1/agreements").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", contains("clauses.certification.schemeName"))
                .body("detail", containsString("nombre del esquema"));
        Fixtures.path(agreement, "clauses").put("certification",
                Map.of("required", "OTHER", "schemeName", "Bird Friendly"));
        given().contentType(ContentType.JSON).body(agreement).post("/api/v1/agreements").then().statusCode(201)
                .body("versions[0].clauses.certification.schemeName", is("Bird Friendly"));
    }

    private static void refused(Map<String, Object> body, int status, String field) {
        record(body).statusCode(status).contentType(PROBLEM).body("violations.field", contains(field));
    }

    private static ValidatableResponse record(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(CERTIFICATIONS).then();
    }

    static Map<String, Object> certificate(String scheme, UUID producer, UUID organisation, LocalDate from,
            LocalDate to) {
        Map<String, Object> body = new HashMap<>(Map.of("id", UUID.randomUUID(), "scheme", scheme, "certifier",
                "Control Union Perú", "products", List.of("cacao"), "code", "CU-PE-820145", "validFrom",
                from.toString(), "validTo", to.toString(), "documentRef", "certificados/cu-pe-820145.pdf"));
        if (producer != null) {
            body.put("producerId", producer);
        }
        if (organisation != null) {
            body.put("organisationId", organisation);
        }
        return body;
    }
}

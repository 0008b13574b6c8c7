package org.articula.lots.security;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.SecurityAssertions.forbidden;
import static org.articula.localstack.testing.SecurityAssertions.notFound;
import static org.articula.localstack.testing.SecurityAssertions.unauthorized;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in lots-service: invalid tokens are 401, roles that do not fit 403, another
 * organisation's centres and lots 404 (reads and writes), and every change is audited.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class LotsSecurityTest {

    static final String LOTS = "/api/v1/lots";
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate TODAY = LocalDate.now(LIMA);

    UUID association = UUID.randomUUID();
    UUID processor = UUID.randomUUID();
    UUID network = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID agreement = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();
    UUID lot = UUID.randomUUID();
    UUID stranger = UUID.randomUUID();
    UUID strangerCentre = UUID.randomUUID();
    UUID strangerOperator = UUID.randomUUID();

    @BeforeEach
    void rosaDeliversAtHerAssociationsCentreAndAStrangerRunsAnother() {
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).group(network).registered(),
                ContractsFeed.milkAgreement(association).id(agreement).buyer(processor).group(network)
                        .quality(ContractsFeed.TOTAL_SOLIDS).activated());
        Centres.open(TestTokens.as(association, Roles.BUYER_ADMIN), association, centre, "Centro de acopio", operator,
                "Operador");
        Centres.open(TestTokens.as(stranger, Roles.BUYER_ADMIN), stranger, strangerCentre, "Centro de acopio",
                strangerOperator, "Operador");
        TestTokens.actAs("Julia Ramos", association, Roles.CENTRE_OPERATOR);
        given().contentType(ContentType.JSON).body(lot(lot, centre, operator)).post(LOTS).then().statusCode(201);
    }

    @Test
    void tokensThatAreMissingExpiredForgedOrUnsignedAre401() {
        unauthorized(given().header(TestTokens.anonymous()).get(LOTS + "/" + lot).then());
        for (String bad : List.of(TestTokens.expired(association, Roles.CENTRE_OPERATOR),
                TestTokens.forged(association, Roles.CENTRE_OPERATOR),
                TestTokens.unsigned(association, Roles.CENTRE_OPERATOR))) {
            unauthorized(given().header(TestTokens.as(bad)).get(LOTS + "/" + lot).then());
            unauthorized(given().header(TestTokens.as(bad)).contentType(ContentType.JSON)
                    .body(lot(UUID.randomUUID(), centre, operator)).post(LOTS).then());
        }
        given().header(TestTokens.anonymous()).get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void eachRoleDoesWhatItMayAndIsRefusedTheRest() {
        String sheet = "/api/v1/collection-centres/" + centre + "/sheet?date=" + TODAY;
        Map<String, Object> correction = Map.of("version", 0, "quantity", 17, "reason", "balanza");
        for (String reader : List.of(Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR)) {
            Header as = TestTokens.as(association, reader);
            given().header(as).get(LOTS + "/" + lot).then().statusCode(200);
            given().header(as).get(sheet).then().statusCode(200);
            given().header(as).queryParams("from", TODAY.toString(), "to", TODAY.toString())
                    .get(LOTS + "/rejection-rates").then().statusCode(200);
            forbidden(given().header(as).contentType(ContentType.JSON).body(lot(UUID.randomUUID(), centre, operator))
                    .post(LOTS).then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(correction)
                    .post(LOTS + "/" + lot + "/corrections").then());
            forbidden(given().header(as).contentType(ContentType.JSON).body(Map.of("version", 0, "reason", "x"))
                    .post(LOTS + "/" + lot + "/void").then());
        }
        for (String notAdmin : List.of(Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR)) {
            forbidden(given().header(TestTokens.as(association, notAdmin)).contentType(ContentType.JSON)
                    .body(centreBody(association, UUID.randomUUID())).post("/api/v1/collection-centres").then());
        }

        // A producer sees their own lots, nobody else's, and nothing of the centre.
        Header rosaHerself = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Rosa", association, Roles.PRODUCER)
                .withProducer(rosa)));
        given().header(rosaHerself).get(LOTS + "/" + lot).then().statusCode(200);
        given().header(rosaHerself).queryParams("producerId", rosa, "from", TODAY.toString(), "to", TODAY.toString())
                .get(LOTS).then().statusCode(200).body("lots.id", contains(lot.toString()));
        Header anotherProducer = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Julio", association, Roles.PRODUCER)
                .withProducer(UUID.randomUUID())));
        notFound(given().header(anotherProducer).get(LOTS + "/" + lot).then());
        notFound(given().header(anotherProducer).queryParams("producerId", rosa, "from", TODAY.toString(), "to",
                TODAY.toString()).get(LOTS).then());
        forbidden(given().header(rosaHerself).get(sheet).then());
        forbidden(given().header(rosaHerself).contentType(ContentType.JSON).body(correction)
                .post(LOTS + "/" + lot + "/corrections").then());
        forbidden(given().header(rosaHerself).get("/api/v1/audit").then());

        given().contentType(ContentType.JSON).body(correction).post(LOTS + "/" + lot + "/corrections")
                .then().statusCode(200).body("quantity", is(17.0f));
    }

    @Test
    void anotherOrganisationsCentresAndLotsAreNotFoundWhateverIdIsSent() {
        Header other = TestTokens.as(stranger, Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.AUDITOR);
        String centreUrl = "/api/v1/collection-centres/" + centre;
        // centres and their operators
        notFound(given().header(other).get(centreUrl).then());
        notFound(given().header(other).get(centreUrl + "/operators").then());
        notFound(given().header(other).queryParam("date", TODAY.toString()).get(centreUrl + "/sheet").then());
        notFound(given().header(other).queryParam("organisationId", association).get("/api/v1/collection-centres")
                .then());
        notFound(given().header(other).contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "name", "X"))
                .post(centreUrl + "/operators").then());
        notFound(given().header(other).contentType(ContentType.JSON).body(centreBody(association, UUID.randomUUID()))
                .post("/api/v1/collection-centres").then());
        given().header(other).contentType(ContentType.JSON).body(centreBody(stranger, centre))
                .post("/api/v1/collection-centres").then().statusCode(409); // our centre's id: nothing of it shown
        // lots
        notFound(given().header(other).get(LOTS + "/" + lot).then());
        notFound(given().header(other).get(LOTS + "/" + lot + "/history").then());
        notFound(given().header(other).contentType(ContentType.JSON)
                .body(Map.of("version", 0, "quantity", 1, "reason", "x")).post(LOTS + "/" + lot + "/corrections")
                .then());
        notFound(given().header(other).contentType(ContentType.JSON).body(Map.of("version", 0, "reason", "x"))
                .post(LOTS + "/" + lot + "/void").then());
        notFound(given().header(other).queryParams("organisationId", association, "from", TODAY.toString(), "to",
                TODAY.toString()).get(LOTS + "/rejection-rates").then());
        given().header(other).queryParams("producerId", rosa, "from", TODAY.toString(), "to", TODAY.toString())
                .get(LOTS).then().statusCode(200).body("lots", empty());
        // recording: not at our centre, and not into our agreement from their own centre
        given().header(other).contentType(ContentType.JSON).body(lot(UUID.randomUUID(), centre, operator)).post(LOTS)
                .then().statusCode(400).body("violations.field", hasItem("centreId"));
        given().header(other).contentType(ContentType.JSON)
                .body(lot(UUID.randomUUID(), strangerCentre, strangerOperator))
                .post(LOTS).then().statusCode(422).body("violations.field", hasItem("producerId"));
        given().header(other).contentType(ContentType.JSON)
                .body(Map.of("lots", List.of(lot(lot, strangerCentre, strangerOperator)))).post(LOTS + "/batch")
                .then().statusCode(200).body("results[0].outcome", is("REFUSED"))
                .body("results[0].receipt", is((Object) null));

        given().get(LOTS + "/" + lot).then().statusCode(200).body("revision", is(1)); // untouched
    }

    @Test
    void everyChangeIsAuditedWithWhoAndWhen() {
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "quantity", 17, "reason", "balanza"))
                .post(LOTS + "/" + lot + "/corrections").then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("version", 1, "reason", "registrado dos veces"))
                .post(LOTS + "/" + lot + "/void").then().statusCode(200);
        given().get(LOTS + "/" + lot + "/history").then().body("[1].changedBy", is("Julia Ramos"));

        Header auditor = TestTokens.as(association, Roles.AUDITOR);
        given().header(auditor).queryParams("resourceType", "Lot", "resourceId", lot.toString()).get("/api/v1/audit")
                .then().statusCode(200).body("action", contains("RECORDED", "CORRECTED", "VOIDED"))
                .body("actor", everyItem(is("Julia Ramos"))).body("[0].detail.verdict", is("ACCEPTED"));
        given().header(auditor).queryParams("resourceType", "CollectionCentre", "resourceId", centre.toString())
                .get("/api/v1/audit").then().statusCode(200).body("action", contains("REGISTERED", "OPERATOR_ADDED"));
    }

    private static Map<String, Object> centreBody(UUID organisation, UUID id) {
        return Map.of("id", id, "organisationId", organisation, "name", "Centro de acopio", "district", "Laredo");
    }

    private Map<String, Object> lot(UUID id, UUID at, UUID by) {
        return new HashMap<>(Map.of("id", id, "centreId", at, "operatorId", by, "producerId", rosa, "product", "milk",
                "quantity", new BigDecimal("18.5"), "unit", "L",
                "deliveredAt", LimaDays.earlierOn(TODAY).toString(),
                "readings", List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("11.8")))));
    }
}

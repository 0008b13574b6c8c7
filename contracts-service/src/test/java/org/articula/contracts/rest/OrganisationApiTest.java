package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.activeAgreement;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.domain.NationalId;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The manager's screens: the organisation and its networks listed, searched and edited; who can buy. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class OrganisationApiTest {

    static final String PROBLEM = "application/problem+json";
    static final String ORGANISATIONS = "/api/v1/organisations";

    UUID association;
    UUID santaRosa;
    UUID laMerced;
    UUID otherAssociation;

    @BeforeEach
    void twoAssociationsWithTheirNetworks() {
        association = Fixtures.organisation("Asociación de Productores Lecheros de Laredo", "ASSOCIATION", null);
        santaRosa = Fixtures.organisation("Red Santa Rosa", "PRODUCER_GROUP", association);
        laMerced = Fixtures.organisation("Red La Merced", "PRODUCER_GROUP", association);
        otherAssociation = Fixtures.organisation("Asociación Ganadera de Chao", "ASSOCIATION", null);
        Fixtures.organisation("Red Santa Rosa de Chao", "PRODUCER_GROUP", otherAssociation);
        TestTokens.actAs("Carmen Vásquez", association, TestTokens.STAFF);
    }

    @Test
    void listsTheCallersOrganisationAndItsNetworksByNameAndNothingOfAnother() {
        given().get(ORGANISATIONS).then().statusCode(200)
                .body("name",
                        contains("Asociación de Productores Lecheros de Laredo", "Red La Merced", "Red Santa Rosa"));
        given().queryParam("kind", "PRODUCER_GROUP").get(ORGANISATIONS).then().statusCode(200)
                .body("id", contains(laMerced.toString(), santaRosa.toString()));
        given().queryParam("kind", "PRODUCER_GROUP").queryParam("size", 1).queryParam("page", 1).get(ORGANISATIONS)
                .then().statusCode(200).body("id", contains(santaRosa.toString()));
    }

    @Test
    void findsNetworksByTheWordsOfTheirNameWhateverTheAccentsAndCase() {
        given().queryParam("q", "ROSA").get(ORGANISATIONS).then().body("id", contains(santaRosa.toString()));
        given().queryParam("q", "asociacion laredo").get(ORGANISATIONS).then().body("id",
                contains(association.toString()));
        given().queryParam("q", "merced santa").get(ORGANISATIONS).then().body("$", empty());
        given().queryParam("q", "100%").get(ORGANISATIONS).then().statusCode(200).body("$", empty());
    }

    @Test
    void editsANetworkWithTheVersionReadAndRefusesAStaleOne() {
        Map<String, Object> change = new HashMap<>(Map.of("name", "Red Santa Rosa Alta", "district", "Laredo",
                "region", "La Libertad", "version", 0));
        given().contentType(ContentType.JSON).body(change).put(ORGANISATIONS + "/" + santaRosa).then().statusCode(200)
                .body("name", is("Red Santa Rosa Alta")).body("kind", is("PRODUCER_GROUP"))
                .body("parentId", is(association.toString())).body("version", is(1));
        given().contentType(ContentType.JSON).body(change).put(ORGANISATIONS + "/" + santaRosa).then().statusCode(409)
                .contentType(PROBLEM).body("type", is("urn:articula:problem:concurrent-modification"));
        given().get(ORGANISATIONS + "/" + santaRosa).then().body("name", is("Red Santa Rosa Alta"));
    }

    @Test
    void aBadRucIsNamedAndAnotherAssociationsNetworkIsNotFound() {
        String valid = ruc();
        String wrongCheckDigit = valid.substring(0, 10) + (valid.charAt(10) - '0' + 1) % 10;
        Map<String, Object> badRuc = Map.of("name", "Asociación de Productores Lecheros de Laredo", "ruc",
                wrongCheckDigit,
                "version", 0);
        given().contentType(ContentType.JSON).body(badRuc).put(ORGANISATIONS + "/" + association).then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", is("ruc"));
        Map<String, Object> blankName = Map.of("name", " ", "version", 0);
        given().contentType(ContentType.JSON).body(blankName).put(ORGANISATIONS + "/" + association).then()
                .statusCode(400).body("violations[0].field", is("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Mía", "version", 0))
                .put(ORGANISATIONS + "/" + otherAssociation).then().statusCode(404).contentType(PROBLEM);
        given().get(ORGANISATIONS + "/" + association).then().body("version", is(0)).body("ruc", is((Object) null));
    }

    @Test
    void buyersAreTheCallerItselfTheBuyersOfItsAgreementsAndByRucAnyRegisteredBuyer() {
        UUID processor = Fixtures.organisation("Planta Lechera del Norte S.A.C.", "PROCESSOR", null);
        UUID stranger = UUID.randomUUID();
        String ruc = ruc();
        given().header(TestTokens.as(stranger, TestTokens.STAFF)).contentType(ContentType.JSON)
                .body(Map.of("id", stranger, "name", "Lácteos Nuevos S.A.C.", "kind", "PROCESSOR", "ruc", ruc))
                .post(ORGANISATIONS).then().statusCode(201);
        UUID member = Fixtures.producer(association, santaRosa, dni(), "Rosa Quispe Huamán");
        activeAgreement(agreement(processor, "PRODUCER", member, LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31)));

        given().get(ORGANISATIONS + "/buyers").then().statusCode(200)
                .body("id", contains(association.toString(), processor.toString()));
        given().queryParam("ruc", ruc).get(ORGANISATIONS + "/buyers").then().statusCode(200)
                .body("id", contains(stranger.toString())).body("name", contains("Lácteos Nuevos S.A.C."));
        given().queryParam("ruc", ruc()).get(ORGANISATIONS + "/buyers").then().statusCode(200).body("$", empty());
        given().queryParam("ruc", ruc.substring(0, 10)).get(ORGANISATIONS + "/buyers").then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", is("ruc"));
    }

    /** A RUC nobody else in the run has, with SUNAT's check digit. */
    static String ruc() {
        String first10 = "20" + dni();
        return first10 + NationalId.rucCheckDigit(first10);
    }
}

package org.articula.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemMappersTest {

    static final String PROBLEM_JSON = "application/problem+json";

    @Test
    void validationNamesEveryInvalidFieldByItsJsonPath() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"id": "6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11", "quantity": -3,
                         "readings": [{"parameter": "", "value": 11.8}, {"parameter": "TEMP", "value": -1}]}""")
                .post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:validation"))
                .body("status", is(400))
                .body("instance", is("/problem-test/lots"))
                .body("violations.field", hasItems("quantity", "readings[0].parameter", "readings[1].value"))
                .body("detail", containsString("quantity"));
    }

    @Test
    void aMissingBodyIsAValidationProblem() {
        given().contentType(ContentType.JSON).post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:validation"));
    }

    @Test
    void aQueryParameterIsNamedByItself() {
        given().queryParam("size", 500).get("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("size"));
    }

    @Test
    void aQueryParameterThatIsNoDateIdWholeNumberOrEnumNameIsRefusedByName() {
        for (String[] bad : new String[][] { { "day", "31/12/2026" }, { "day", "2026-02-30" }, { "centreId", "7" },
                { "centreId", "f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11" }, { "size", "diez" }, { "size", "1.5" },
                { "size", "1e30" }, { "size", "99999999999999999999" }, { "shift", "0" }, { "shift", "NIGHT" },
                { "shift", "morning" }, { "page", "NaN" }, { "tolerance", "NaN" }, { "tolerance", "2,5" } }) {
            given().queryParam(bad[0], bad[1]).get("/problem-test/lots")
                    .then().statusCode(400).contentType(PROBLEM_JSON)
                    .body("type", is("urn:articula:problem:validation"))
                    .body("violations[0].field", is(bad[0]));
        }
        given().queryParam("day", "2026-12-31").queryParam("centreId", "6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11")
                .get("/problem-test/lots").then().statusCode(200);
        given().queryParam("day", "").get("/problem-test/lots").then().statusCode(200);
        given().queryParam("shift", "MORNING").queryParam("size", "").queryParam("page", "")
                .queryParam("tolerance", "2.5")
                .get("/problem-test/lots").then().statusCode(200);
        // a path that names no resource is still not found
        given().get("/problem-test/lots/not-a-uuid").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void malformedJsonIsABadRequestThatSaysSo() {
        given().contentType(ContentType.JSON).body("{\"id\": \"6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11\", quantity: ")
                .post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:malformed-request"))
                .body("detail", containsString("JSON"));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11\", \"quantity\": \"doce\", \"readings\": []}")
                .post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:malformed-request"))
                .body("violations[0].field", is("quantity"))
                // a text is not taken for a number (StrictJson): what was expected is said
                .body("violations[0].message", is("se esperaba un número"));
    }

    @Test
    void aBadDateOrIdNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"not-a-uuid\", \"quantity\": 1, \"readings\": []}")
                .post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("id"));
        given().contentType(ContentType.JSON)
                .body("{\"id\": \"6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11\", \"quantity\": 1, \"deliveredOn\": \"31/12/2026\"}")
                .post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("deliveredOn"));
    }

    @Test
    void aControlCharacterInAnyTextIsRefusedAndNamed() {
        refused("""
                {"id": "6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11", "quantity": 3,
                 "readings": [{"parameter": "TEMP", "value": 1}, {"parameter": "F\\u0000T", "value": 11.8}]}""")
                .body("type", is("urn:articula:problem:validation"))
                .body("violations[0].field", is("readings[1].parameter"))
                .body("violations[0].message", containsString("U+0000"));
        given().queryParam("reference", "TRF\u0000001").get("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:validation"))
                .body("violations[0].field", is("reference"));
        // Tabs and line breaks are text.
        given().queryParam("reference", "TRF 001\tbis\n").get("/problem-test/lots").then().statusCode(200);
    }

    @Test
    void aKeyGivenTwiceIsRefusedAndNamed() {
        refused("""
                {"id": "6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11", "quantity": 3,
                 "readings": [{"parameter": "TEMP", "value": 1, "value": 2}]}""")
                .body("type", is("urn:articula:problem:malformed-request"))
                .body("violations[0].field", is("readings[0].value"));
        refused("""
                {"id": "6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11", "quantity": 3, "quantity": -3,
                 "readings": [{"parameter": "TEMP", "value": 1}]}""")
                .body("type", is("urn:articula:problem:malformed-request"))
                .body("violations[0].field", is("quantity"));
    }

    private static ValidatableResponse refused(String lot) {
        return given().contentType(ContentType.JSON).body(lot).post("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        given().contentType(ContentType.JSON).body("{\"id\": \"" + "x".repeat(100_000) + "\"}")
                .post("/problem-test/lots")
                .then().statusCode(413).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:payload-too-large"))
                .body("detail", containsString("65536"));
    }

    @Test
    void anAddressOverTheLimitIsAProblem() {
        given().queryParam("reference", "x".repeat(5_000)).get("/problem-test/lots")
                .then().statusCode(414).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:uri-too-long"));
        given().queryParam("reference", "x".repeat(3_000)).get("/problem-test/lots").then().statusCode(200);
    }

    @Test
    void notFoundIsAProblem() {
        given().get("/problem-test/lots/6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:not-found"))
                .body("detail", containsString("6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11"));
        given().get("/no-such-route")
                .then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:not-found"))
                .body("detail", is("No existe nada en esta dirección."));
    }

    @Test
    void wrongMethodIsAProblem() {
        given().delete("/problem-test/conflict")
                .then().statusCode(405).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:method-not-allowed"))
                .body("detail", is("Esta dirección no admite ese método."));
    }

    @Test
    void anAcceptThatCannotBeMetIsAProblemInSpanish() {
        given().accept("text/plain").get("/problem-test/lots")
                .then().statusCode(406).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:not-acceptable"))
                .body("detail", startsWith("Esta respuesta no se entrega en ninguno de los tipos pedidos en Accept"));
    }

    @Test
    void conflictsAndConcurrentChangesAre409() {
        given().post("/problem-test/conflict")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:conflict"))
                .body("detail", is("El acuerdo ya está ACTIVO"));
        given().get("/problem-test/stale")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:concurrent-modification"));
        // Two identical creates racing: the loser hits the unique key and is told to repeat, not a 500.
        given().get("/problem-test/duplicate")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:concurrent-modification"));
        given().get("/problem-test/duplicate-at-commit")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:concurrent-modification"));
        // Any other broken constraint is a bug, not the client's race.
        given().get("/problem-test/broken-check")
                .then().statusCode(500).contentType(PROBLEM_JSON).body("type", is("urn:articula:problem:internal"));
    }

    @Test
    void anUnexpectedErrorHidesItsCauseAndGivesAnIdForSupport() {
        given().get("/problem-test/boom")
                .then().statusCode(500).contentType(PROBLEM_JSON)
                .body("type", is("urn:articula:problem:internal"))
                .body("errorId", notNullValue())
                .body(not(containsString("hunter2")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }

    @Test
    void aValueIsReadOnlyInItsOwnJsonTypeAndADateOnlyAsIsoTextOfAFourDigitYear() {
        String id = "\"id\": \"6f1c1f0e-8a4e-4b8e-9a53-0a4c2f1d9b11\"";
        String reading = "\"readings\": [{\"parameter\": \"fat\", \"value\": 1}]";
        String[][] refused = {
                { "quantity", "\"quantity\": \"12\", " + reading },
                { "quantity", "\"quantity\": \"\", " + reading },
                { "readings[0].parameter", "\"quantity\": 1, \"readings\": [{\"parameter\": 12, \"value\": 1}]" },
                { "deliveredOn", "\"quantity\": 1, \"deliveredOn\": 20000, " + reading },
                { "deliveredOn", "\"quantity\": 1, \"deliveredOn\": \"\", " + reading },
                { "deliveredOn", "\"quantity\": 1, \"deliveredOn\": \"-0001-01-01\", " + reading },
                { "deliveredOn", "\"quantity\": 1, \"deliveredOn\": \"+1000000-01-01\", " + reading } };
        for (String[] bad : refused) {
            given().contentType(ContentType.JSON).body("{" + id + ", " + bad[1] + "}").post("/problem-test/lots")
                    .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem(bad[0]));
        }
        given().contentType(ContentType.JSON).body("{" + id + ", \"quantity\": 1, \"deliveredOn\": \"2026-10-01\", "
                + reading + "}").post("/problem-test/lots").then().statusCode(200);
        given().queryParam("day", "+1000000-01-01").get("/problem-test/lots")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations[0].field", is("day"));
    }
}

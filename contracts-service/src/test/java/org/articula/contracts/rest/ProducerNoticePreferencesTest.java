package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A producer's consent to notices by SMS or WhatsApp, and the Peruvian mobile it needs (issue 17). */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class ProducerNoticePreferencesTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");

    UUID association;
    String producers;

    @BeforeEach
    void association() {
        association = UUID.randomUUID();
        TestTokens.actAs(association, TestTokens.STAFF);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", association, "name", "Asociación de Productores Lecheros de Laredo",
                        "kind", "ASSOCIATION", "district", "Laredo", "region", "La Libertad"))
                .post("/api/v1/organisations").then().statusCode(201);
        producers = "/api/v1/organisations/" + association + "/producers";
    }

    @Test
    void optingInNeedsAPeruvianMobileAndAnythingElseIsRefusedNamingPhone() {
        for (String bad : List.of("987654321", "+51 812345678", "+51812345678")) {
            given().contentType(ContentType.JSON).body(rosa(UUID.randomUUID(), bad, true)).post(producers)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations.field", hasItems("phone"));
        }
        given().contentType(ContentType.JSON).body(rosa(UUID.randomUUID(), null, true)).post(producers)
                .then().statusCode(400).body("violations.field", hasItems("phone"));
        given().get(producers).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void aProducerWhoOptsInIsSentWithTheChannelInTheViewAndTheEvent() {
        UUID id = UUID.randomUUID();
        Map<String, Object> request = rosa(id, "+51987654321", true);
        request.put("noticeChannel", "WHATSAPP");
        given().contentType(ContentType.JSON).body(request).post(producers)
                .then().statusCode(201).body("noticesOptIn", is(true)).body("noticeChannel", is("WHATSAPP"))
                .body("phone", is("+51987654321"));
        EventEnvelope registered = EventJson.read(PUBLISHED.await(id.toString(), 1).get(0).value());
        assertEquals(true, registered.payload().path("noticesOptIn").asBoolean());
        assertEquals("WHATSAPP", registered.payload().path("noticeChannel").asText());
    }

    @Test
    void byDefaultNoNoticesAndAnyPhoneOfBeforeStillDoes() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(rosa(id, "044123456", null)).post(producers)
                .then().statusCode(201).body("noticesOptIn", is(false)).body("noticeChannel", is((Object) null));
        EventEnvelope registered = EventJson.read(PUBLISHED.await(id.toString(), 1).get(0).value());
        assertEquals(false, registered.payload().path("noticesOptIn").asBoolean(true));
    }

    @Test
    void anUpdateThatOptsInWithALandlineIsRefusedAndOneThatLeavesThePreferencesOutKeepsThem() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(rosa(id, "044123456", false)).post(producers)
                .then().statusCode(201);
        Map<String, Object> change = Map.of("name", "Rosa Quispe", "district", "Laredo", "phone", "044123456",
                "version", 0, "noticesOptIn", true);
        given().contentType(ContentType.JSON).body(change).put(producers + "/" + id)
                .then().statusCode(400).body("violations[0].field", is("phone"));
        given().get(producers + "/" + id).then().body("version", is(0)).body("noticesOptIn", is(false));

        Map<String, Object> fixed = new HashMap<>(change);
        fixed.put("phone", "+51987654321");
        given().contentType(ContentType.JSON).body(fixed).put(producers + "/" + id)
                .then().statusCode(200).body("noticesOptIn", is(true)).body("noticeChannel", is("SMS"));

        // A change that leaves the preferences out keeps them, and so keeps the phone a mobile.
        Map<String, Object> district = Map.of("name", "Rosa Quispe", "district", "Simbal", "phone", "+51987654321",
                "version", 1);
        given().contentType(ContentType.JSON).body(district).put(producers + "/" + id)
                .then().statusCode(200).body("noticesOptIn", is(true)).body("noticeChannel", is("SMS"));
        Map<String, Object> landline = new HashMap<>(district);
        landline.put("phone", "044123456");
        landline.put("version", 2);
        given().contentType(ContentType.JSON).body(landline).put(producers + "/" + id)
                .then().statusCode(400).body("violations[0].field", is("phone"));
        landline.put("noticesOptIn", false);
        given().contentType(ContentType.JSON).body(landline).put(producers + "/" + id)
                .then().statusCode(200).body("noticesOptIn", is(false)).body("phone", is("044123456"));
    }

    @Test
    void aCsvMayCarryTheConsentInSpanishAndABadNumberRefusesTheFile() {
        String bad = """
                dni,nombre,distrito,teléfono,avisos,canal
                45871236,Rosa Quispe Huamán,Laredo,+51987654321,sí,whatsapp
                41234567,Julio Rodríguez,Laredo,987654321,sí,
                """;
        given().contentType("text/csv; charset=UTF-8").body(bad).post(producers + "/import")
                .then().statusCode(400).body("violations.field", hasItems("rows[3].phone"));
        given().get(producers).then().body("$", hasSize(0));

        String good = bad.replace(",987654321,sí,", ",987654321,no,");
        given().contentType("text/csv; charset=UTF-8").body(good).post(producers + "/import").then().statusCode(200)
                .body("created", is(2));
        given().get(producers).then().body("find { it.name == 'Rosa Quispe Huamán' }.noticeChannel", is("WHATSAPP"))
                .body("find { it.name == 'Julio Rodríguez' }.noticesOptIn", is(false));
        given().contentType("text/csv; charset=UTF-8").body(good.replace(",no,", ",quizás,"))
                .post(producers + "/import")
                .then().statusCode(400).body("violations[0].field", is("rows[3].noticesOptIn"))
                .body("detail", containsString("sí o no"));
    }

    private static Map<String, Object> rosa(UUID id, String phone, Boolean optIn) {
        Map<String, Object> request = new HashMap<>(Map.of("id", id, "nationalId", "45871236", "name", "Rosa Quispe",
                "district", "Laredo"));
        request.put("phone", phone);
        request.put("noticesOptIn", optIn);
        return request;
    }
}

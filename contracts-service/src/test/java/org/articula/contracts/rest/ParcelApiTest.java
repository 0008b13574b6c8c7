package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.dni;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.List;
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
 * EUDR plots of a cacao producer near Quillabamba. The coordinates are sent as JSON text, so their decimals are
 * exactly as a GPS export writes them (0.002257° of longitude by 0.002214° of latitude there is 6.00 ha).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class ParcelApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");
    static final String PROBLEM = "application/problem+json";
    static final String GEO_JSON = "application/geo+json";
    static final String SIX_HECTARES = "[[[-72.695000,-12.861000],[-72.692743,-12.861000],[-72.692743,-12.863214],"
            + "[-72.695000,-12.863214],[-72.695000,-12.861000]]]";
    static final String BOW_TIE = "[[[-72.695000,-12.861000],[-72.692743,-12.863214],[-72.692743,-12.861000],"
            + "[-72.695000,-12.863214],[-72.695000,-12.861000]]]";

    UUID cooperative;
    UUID producer;

    @BeforeEach
    void cacaoProducer() {
        cooperative = Fixtures.organisation("Cooperativa Cacaotera de Parcelas", "COOPERATIVE", null);
        producer = Fixtures.producer(cooperative, null, dni(), "Rosa Quispe Huamán");
        TestTokens.actAs("Carmen Vásquez", cooperative, Roles.BUYER_ADMIN, Roles.AUDITOR);
    }

    @Test
    void aSelfIntersectingPolygonIsRefusedNamingWhereItCrossesAndNothingIsStored() {
        UUID id = UUID.randomUUID();
        register(parcel(id, "3.0000", "Polygon", BOW_TIE, true)).statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("geometry.coordinates"))
                .body("violations[0].message", containsString("se cruza consigo mismo en [-72.693872, -12.862107]"));
        given().get(parcels()).then().statusCode(200).body("features", hasSize(0));
        PUBLISHED.await(id.toString(), 0);
    }

    @Test
    void aThreeAndAHalfHectarePointAndASixHectarePolygonAreAcceptedAndListedAsGeoJson() {
        UUID point = UUID.randomUUID();
        String first = register(parcel(point, "3.5", "Point", "[-72.693512,-12.859874]", true)).statusCode(201)
                .contentType(startsWith(GEO_JSON)).header("Location", endsWith(parcels() + "/" + point))
                .body("type", is("Feature")).body("geometry.type", is("Point"))
                .body("properties.computedAreaHectares", nullValue())
                .body("properties.deforestationCutOffDate", is("2020-12-31")).extract().asString();
        assertEquals(first, register(parcel(point, "3.5", "Point", "[-72.693512,-12.859874]", true)).statusCode(200)
                .extract().asString(), "a repeat answers the same");
        register(parcel(point, "3.6", "Point", "[-72.693512,-12.859874]", true)).statusCode(409);
        assertEquals(true, first.contains("[-72.693512,-12.859874]"), "the decimals as written: " + first);

        UUID polygon = UUID.randomUUID();
        double measured = register(parcel(polygon, "6", "Polygon", SIX_HECTARES, true)).statusCode(201)
                .extract().jsonPath().getDouble("properties.computedAreaHectares");
        assertEquals(6.0, measured, 0.01, "measured on the ellipsoid");

        given().accept(GEO_JSON).get(parcels()).then().statusCode(200).contentType(startsWith(GEO_JSON))
                .body("type", is("FeatureCollection")).body("features.id", contains(point.toString(),
                        polygon.toString()))
                .body("features[1].geometry.coordinates[0]", hasSize(5))
                .body("features.properties.product", contains("cacao", "cacao"));
        given().get(parcels() + "/" + polygon).then().statusCode(200).body("properties.declaredAreaHectares", is(6.0f));

        EventEnvelope event = EventJson.read(PUBLISHED.await(polygon.toString(), 1).get(0).value());
        assertEquals("ParcelRegistered", event.type());
        assertEquals(new BigDecimal("-72.695000"),
                event.payload().at("/parcel/geometry/coordinates/0/0/0").decimalValue());
    }

    @Test
    void aSixHectarePointADisagreeingAreaCoarseCoordinatesAndNoDeclarationAreRefused() {
        List<String> refusedIds = List.of(
                refused(parcel(UUID.randomUUID(), "6", "Point", "[-72.693512,-12.859874]", true), 400,
                        "geometry.type"),
                refused(parcel(UUID.randomUUID(), "5", "Polygon", SIX_HECTARES, true), 400, "declaredAreaHectares"),
                refused(parcel(UUID.randomUUID(), "2", "Point", "[-72.6935,-12.859874]", true), 400,
                        "geometry.coordinates"),
                refused(parcel(UUID.randomUUID(), "2", "Point", "[-72.693512]", true), 400, "geometry.coordinates"),
                refused(parcel(UUID.randomUUID(), "2", "Point", "[-72.693512,-12.859874]", false), 422,
                        "deforestationFreeSince2020"));
        given().get(parcels()).then().statusCode(200).body("features", hasSize(0));
        refusedIds.forEach(id -> PUBLISHED.await(id, 0));
        given().header(TestTokens.as(cooperative, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON)
                .body(parcel(UUID.randomUUID(), "2", "Point", "[-72.693512,-12.859874]", true)).post(parcels())
                .then().statusCode(403);
    }

    private String refused(String body, int status, String field) {
        register(body).statusCode(status).contentType(PROBLEM).body("violations.field", contains(field));
        return body.substring(body.indexOf(":\"") + 2, body.indexOf("\","));
    }

    private ValidatableResponse register(String body) {
        return given().contentType(ContentType.JSON).body(body).post(parcels()).then();
    }

    private String parcels() {
        return "/api/v1/producers/" + producer + "/parcels";
    }

    static String parcel(UUID id, String hectares, String type, String coordinates, boolean declared) {
        return """
                {"parcelId":"%s","name":"Chacra Santa Rosa","product":"cacao","declaredAreaHectares":%s,
                 "geometry":{"type":"%s","coordinates":%s},"deforestationFreeSince2020":%s}"""
                .formatted(id, hectares, type, coordinates, declared);
    }
}

package org.articula.lots.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Registers collection centres and their operators through lots-service's API, as a test's setup. */
public final class Centres {

    private Centres() {
    }

    /** A centre of the organisation in Laredo with one operator (none if null), registered as the test acts. */
    public static void open(UUID organisation, UUID centre, String name, UUID operator, String operatorName) {
        open(null, organisation, centre, name, operator, operatorName);
    }

    /** The same, registered by {@code as} (e.g. the organisation's buyer-admin) unless null. */
    public static void open(Header as, UUID organisation, UUID centre, String name, UUID operator,
            String operatorName) {
        request(as).body(Map.of("id", centre, "organisationId", organisation, "name", name, "district", "Laredo"))
                .post("/api/v1/collection-centres").then().statusCode(201);
        if (operator != null) {
            request(as).body(Map.of("id", operator, "name", operatorName))
                    .post("/api/v1/collection-centres/" + centre + "/operators").then().statusCode(201);
        }
    }

    private static RequestSpecification request(Header as) {
        return (as == null ? given() : given().header(as)).contentType(ContentType.JSON);
    }
}

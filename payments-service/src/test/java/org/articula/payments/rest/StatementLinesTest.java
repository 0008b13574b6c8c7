package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * What Rosa's and Julio's statements say about their lots of October's first fortnight (closed, Rosa paid), one of
 * them corrected after closing and adjusted in the second (open): as the association's staff, each producer and
 * another organisation see them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class StatementLinesTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final String LINES = "/api/v1/statement-lines";

    @Inject
    EntityManager em;

    @Test
    void eachLotsLinesWithTheirSettlementAndPayoutAsTheCallerMaySeeThem() {
        UUID association = UUID.randomUUID();
        TestTokens.actAs("Tesorera", association, Roles.TREASURER);
        Deliveries milk = new Deliveries(association, UUID.randomUUID(), "milk", "L");
        UUID rosa = milk.producer("Rosa Quispe Huamán", UpstreamEvents.terms());
        UUID julio = milk.producer("Julio Mamani Ccori", UpstreamEvents.terms());
        Lot rosas = milk.lot(rosa, OCT_1.plusDays(1), "40", "ACCEPTED"); // 41.20 at S/ 1.03
        Lot rejected = milk.lot(rosa, OCT_1.plusDays(2), "20", "REJECTED");
        Lot julios = milk.lot(julio, OCT_1.plusDays(1), "30", "ACCEPTED"); // 30.90
        milk.awaitAll(em);
        String first = run(association, OCT_1);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/settlements/" + first + "/closing").then()
                .statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("producerId", rosa, "paidOn", "2026-10-20"))
                .post("/api/v1/settlements/" + first + "/payouts").then().statusCode(200);
        UpstreamEvents.publish(rosas.revised().quantity("42").corrected("pesado otra vez")); // 43.26: + 2.06
        Feed.await("the corrected lot", () -> ((Number) em.createNativeQuery(
                "select revision from lot_ref where id = :id").setParameter("id", rosas.id()).getSingleResult())
                .intValue() == 2);
        String second = run(association, OCT_16);

        JsonPath all = lines(given(), rosas.id(), rejected.id(), julios.id(), UUID.randomUUID());
        assertEquals(List.of(rosas.id(), rosas.id(), rejected.id(), julios.id()).stream().map(UUID::toString)
                .toList(), all.getList("lotId"), "in the order asked, then by fortnight; the unknown lot absent");
        assertEquals(List.of("LOT", "ADJUSTMENT", "REJECTED", "LOT"), all.getList("kind"));
        assertEquals(List.of(1, 2, 1, 1), all.getList("revision"));
        assertEquals(List.of(first, second, first, first), all.getList("settlementId"));
        assertEquals(List.of("CLOSED", "OPEN", "CLOSED", "CLOSED"), all.getList("settlementStatus"));
        assertEquals(List.of("2026-10-01", "2026-10-16", "2026-10-01", "2026-10-01"), all.getList("fortnightStart"));
        assertEquals(List.of("2026-10-15", "2026-10-31", "2026-10-15", "2026-10-15"), all.getList("fortnightEnd"));
        assertEquals(List.of(41.20f, 2.06f, 0.00f, 30.90f), all.getList("amount"));
        assertEquals(List.of(40.000f, 42.000f, 20.000f, 30.000f), all.getList("quantity"));
        assertEquals(List.of("L", "L", "L", "L"), all.getList("unit"));
        assertEquals(List.of("PAID", "NOT_CLOSED", "PAID", "UNPAID"), all.getList("payoutStatus"));
        assertEquals(Arrays.asList("2026-10-20", null, "2026-10-20", null), all.getList("paidOn"));
        assertEquals(List.of("Rosa Quispe Huamán", "Rosa Quispe Huamán", "Rosa Quispe Huamán", "Julio Mamani Ccori"),
                all.getList("producerName"));
        for (String role : List.of(Roles.BUYER_ADMIN, Roles.AUDITOR)) {
            assertEquals(all.prettify(), lines(given().header(TestTokens.as(association, role)), rosas.id(),
                    rejected.id(), julios.id(), UUID.randomUUID()).prettify(), role);
        }

        Header rosaHerself = producer(association, rosa);
        assertEquals(List.of(rosas.id().toString(), rosas.id().toString(), rejected.id().toString()),
                lines(given().header(rosaHerself), rosas.id(), rejected.id(), julios.id()).getList("lotId"),
                "a producer sees only their own lots");
        assertEquals(List.of(julios.id().toString()), lines(given().header(producer(association, julio)), rosas.id(),
                julios.id()).getList("lotId"));
        given().header(producer(association, julio)).queryParam("lotId", rosas.id().toString()).get(LINES).then()
                .statusCode(200).body("$", hasSize(0));
        given().header(TestTokens.as(UUID.randomUUID(), Roles.TREASURER)).queryParam("lotId", rosas.id().toString())
                .get(LINES).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void noLotsTooManyOrAMalformedOneIsABadRequestNamingLotId() {
        TestTokens.actAs("Tesorera", UUID.randomUUID(), Roles.TREASURER);
        given().get(LINES).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("lotId"));
        given().queryParam("lotId", UUID.randomUUID().toString()).queryParam("lotId", "lote-7").get(LINES).then()
                .statusCode(400).body("violations[0].field", is("lotId"));
        Object[] many = IntStream.range(0, 501).mapToObj(i -> UUID.randomUUID().toString()).toArray();
        given().queryParam("lotId", many).get(LINES).then().statusCode(400).body("violations[0].field", is("lotId"));
        given().queryParam("lotId", Arrays.copyOf(many, 500)).get(LINES).then().statusCode(200)
                .body("$", hasSize(0));
    }

    private static String run(UUID organisation, LocalDate fortnight) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "fortnightStart", fortnight.toString()))
                .post("/api/v1/settlements/runs").then().statusCode(200).extract().path("id");
    }

    private static Header producer(UUID organisation, UUID producer) {
        return TestTokens.as(TestTokens.sign(Tokens.Claims.of("socio", organisation, Roles.PRODUCER)
                .withProducer(producer)));
    }

    private static JsonPath lines(RequestSpecification request, UUID... lots) {
        return request.queryParam("lotId", (Object[]) List.of(lots).stream().map(UUID::toString).toArray())
                .get(LINES).then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }
}

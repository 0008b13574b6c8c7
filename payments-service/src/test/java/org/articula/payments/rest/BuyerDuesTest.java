package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a dairy plant owes two associations for October's milk, fortnight by fortnight: the plant sees both,
 * each association only its own lines, anyone else nothing (as for an unknown buyer).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class BuyerDuesTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    UUID plant;
    UUID laredo;
    UUID conache;
    Header plantManager;
    Header laredoTreasurer;

    /**
     * Laredo (S/ 1.00 a litre, paid 7 days after the fortnight): Rosa 100 L accepted and 20 L rejected in
     * the first fortnight, settled and closed (S/ 100.00, due 22/10), the plant remitted S/ 60.00; 50 L in the
     * second, run but open (S/ 50.00, due 07/11). Conache (S/ 1.10, paid 15 days after): Julio 200 L in the
     * first fortnight, not run yet (due 30/10).
     */
    @BeforeEach
    void twoAssociationsSupplyThePlant() {
        plant = UUID.randomUUID();
        laredo = UUID.randomUUID();
        conache = UUID.randomUUID();
        plantManager = TestTokens.as(plant, Roles.BUYER_ADMIN);
        laredoTreasurer = TestTokens.as(laredo, Roles.TREASURER);
        TestTokens.actAs("Tesorera", laredo, Roles.TREASURER);
        UpstreamEvents.publish(
                UpstreamEvents.organisation().id(plant).name("Planta Lechera del Norte S.A.C.").kind("PROCESSOR")
                        .registered(),
                UpstreamEvents.organisation().id(laredo).name("Asociación de Productores Lecheros de Laredo")
                        .registered(),
                UpstreamEvents.organisation().id(conache).name("Asociación de Ganaderos de Conache").registered());

        Deliveries laredoMilk = new Deliveries(laredo, plant, "milk", "L");
        UUID rosa = laredoMilk.producer("Rosa Quispe", UpstreamEvents.terms().basePrice("1.00"));
        laredoMilk.lot(rosa, OCT_1.plusDays(1), "100", "ACCEPTED");
        laredoMilk.lot(rosa, OCT_1.plusDays(2), "20", "REJECTED");
        laredoMilk.lot(rosa, OCT_16.plusDays(1), "50", "ACCEPTED");
        Deliveries conacheMilk = new Deliveries(conache, plant, "milk", "L");
        UUID julio = conacheMilk.producer("Julio Cóndor",
                UpstreamEvents.terms().basePrice("1.10").paymentTermDays(15));
        conacheMilk.lot(julio, OCT_1.plusDays(4), "200", "ACCEPTED");
        laredoMilk.awaitAll(em);
        conacheMilk.awaitAll(em);
        Feed.awaitOrganisations(em, plant, laredo, conache);

        String first = run(OCT_1);
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/settlements/" + first + "/closing")
                .then().statusCode(200);
        run(OCT_16);
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", laredo,
                "buyerId", plant, "fortnightStart", "2026-10-01", "product", "milk", "quantityPaid", 100, "unit", "L",
                "amount", new BigDecimal("60.00"), "receivedOn", "2026-10-20")).post("/api/v1/remittances")
                .then().statusCode(201);
    }

    @Test
    void thePlantSeesWhatItOwesEachAssociationPerFortnightWithDueDatesRemittancesAndTotals() {
        boolean firstOverdue = today().isAfter(LocalDate.of(2026, 10, 22));
        dues(plantManager, null).statusCode(200)
                .body("buyerId", is(plant.toString())).body("buyerName", is("Planta Lechera del Norte S.A.C."))
                .body("from", is("2026-10-01")).body("to", is("2026-10-31"))
                .body("fortnights.periodStart", contains("2026-10-16", "2026-10-01"))
                .body("fortnights.periodEnd", contains("2026-10-31", "2026-10-15"))
                // the second fortnight: Laredo's 50 L, computed but open
                .body("fortnights[0].lines", hasSize(1))
                .body("fortnights[0].lines[0].organisationName", is("Asociación de Productores Lecheros de Laredo"))
                .body("fortnights[0].lines[0].quantityAccepted", is(50.0f))
                .body("fortnights[0].lines[0].amountDue", is(50.00f))
                .body("fortnights[0].lines[0].settled", is(false))
                .body("fortnights[0].lines[0].settlementStatus", is("OPEN"))
                .body("fortnights[0].lines[0].dueDate", is("2026-11-07"))
                .body("fortnights[0].totals.amountDue", is(50.00f)).body("fortnights[0].totals.balance", is(50.00f))
                // the first: Conache (not run: amount unknown) and Laredo (closed), by name
                .body("fortnights[1].lines.organisationId", contains(conache.toString(), laredo.toString()))
                .body("fortnights[1].lines.product", contains("milk", "milk"))
                .body("fortnights[1].lines.unit", contains("L", "L"))
                .body("fortnights[1].lines.lotsDelivered", contains(1, 2))
                .body("fortnights[1].lines.quantityDelivered", contains(200.0f, 120.0f))
                .body("fortnights[1].lines.quantityAccepted", contains(200.0f, 100.0f))
                .body("fortnights[1].lines.currency", contains("PEN", "PEN"))
                .body("fortnights[1].lines.amountDue", contains(null, 100.00f))
                .body("fortnights[1].lines.settled", contains(false, true))
                .body("fortnights[1].lines.settlementStatus", contains(null, "CLOSED"))
                .body("fortnights[1].lines.dueDate", contains("2026-10-30", "2026-10-22"))
                .body("fortnights[1].lines.remitted", contains(0f, 60.00f))
                .body("fortnights[1].lines.lastRemittedOn", contains(null, "2026-10-20"))
                .body("fortnights[1].lines.balance", contains(null, 40.00f))
                .body("fortnights[1].lines[1].overdue", is(firstOverdue))
                // a total that would leave Conache's milk out is no total
                .body("fortnights[1].totals.lotsDelivered", is(3))
                .body("fortnights[1].totals.amountDue", nullValue())
                .body("fortnights[1].totals.remitted", is(60.00f))
                .body("fortnights[1].totals.balance", nullValue())
                .body("fortnights[1].totals.settled", is(false));
        // the plant named by id, and a range within the first fortnight
        dues(plantManager, plant, "from", "2026-10-03", "to", "2026-10-09").statusCode(200)
                .body("from", is("2026-10-01")).body("to", is("2026-10-15"))
                .body("fortnights.periodStart", contains("2026-10-01"));
    }

    @Test
    void anAssociationSeesOnlyItsOwnLinesAndNobodyElseSeesAnything() {
        dues(laredoTreasurer, plant).statusCode(200)
                .body("fortnights.periodStart", contains("2026-10-16", "2026-10-01"))
                .body("fortnights[1].lines.organisationId", contains(laredo.toString()))
                .body("fortnights[1].totals.lotsDelivered", is(2))
                .body("fortnights[1].totals.amountDue", is(100.00f)).body("fortnights[1].totals.remitted", is(60.00f))
                .body("fortnights[1].totals.balance", is(40.00f)).body("fortnights[1].totals.settled", is(true));
        dues(TestTokens.as(laredo, Roles.AUDITOR), plant).statusCode(200).body("fortnights", hasSize(2));
        // By default the caller's organisation is the buyer: Laredo buys nothing.
        dues(laredoTreasurer, null).statusCode(200).body("buyerId", is(laredo.toString())).body("fortnights",
                hasSize(0));

        // Another buyer's manager, an association that does not supply the plant, an unknown id: all alike.
        UUID stranger = UUID.randomUUID();
        String foreign = dues(TestTokens.as(stranger, Roles.TREASURER), plant).statusCode(404).contentType(PROBLEM)
                .extract().path("type");
        String unknown = dues(plantManager, UUID.randomUUID()).statusCode(404).contentType(PROBLEM).extract()
                .path("type");
        dues(TestTokens.as(stranger, Roles.BUYER_ADMIN), laredo).statusCode(404);
        dues(plantManager, laredo).statusCode(404);
        org.junit.jupiter.api.Assertions.assertEquals(unknown, foreign);

        for (String role : new String[] { Roles.PRODUCER, Roles.CENTRE_OPERATOR }) {
            dues(TestTokens.as(plant, role), null).statusCode(403);
        }
    }

    @Test
    void aRangeBackwardsOrLongerThanAYearIsRefusedNamingTheField() {
        dues(plantManager, null, "from", "2026-10-31", "to", "2026-10-01").statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("from"));
        dues(plantManager, null, "from", "2025-01-01", "to", "2026-10-01").statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("to"));
    }

    @Test
    void theSameDuesAsCsvWithAnEmptyCellWhereTheAmountIsNotKnownYet() {
        CsvDownloads.Table table = CsvDownloads.get(given().header(plantManager)
                .queryParams("from", "2026-10-01", "to", "2026-10-31"), "/api/v1/buyer-dues",
                "deuda-comprador-2026-10-01-al-2026-10-31.csv");
        assertEquals(List.of("2026-10-16", "2026-10-16", "2026-10-01", "2026-10-01", "2026-10-01"),
                table.column("Quincena"));
        List<Map<String, String>> laredo = table.where("Organización", "Asociación de Productores Lecheros de Laredo");
        assertEquals(List.of("50.00", "100.00"), laredo.stream().map(r -> r.get("Importe adeudado (S/)")).toList());
        assertEquals(List.of("Provisional", "Final"), laredo.stream().map(r -> r.get("Estado")).toList());
        assertEquals("40.00", laredo.get(1).get("Saldo (S/)"));
        Map<String, String> conache = table.where("Organización", "Asociación de Ganaderos de Conache").get(0);
        assertEquals("", conache.get("Importe adeudado (S/)"));
        assertEquals("Sin liquidar", conache.get("Estado"));
        Map<String, String> firstTotal = table.where("Organización", "Total").get(1);
        assertEquals(List.of("3", "", "60.00", ""), List.of(firstTotal.get("Lotes"),
                firstTotal.get("Importe adeudado (S/)"), firstTotal.get("Remitido (S/)"),
                firstTotal.get("Saldo (S/)")));
    }

    // --- helpers ---

    private ValidatableResponse dues(Header as, UUID buyerId, String... range) {
        var request = given().header(as);
        if (buyerId != null) {
            request.queryParam("buyerId", buyerId);
        }
        for (int i = 0; i < range.length; i += 2) {
            request.queryParam(range[i], range[i + 1]);
        }
        if (range.length == 0) {
            request.queryParams("from", "2026-10-01", "to", "2026-10-31");
        }
        return request.get("/api/v1/buyer-dues").then();
    }

    private String run(LocalDate fortnight) {
        return given().contentType(ContentType.JSON).body(Map.of("organisationId", laredo, "fortnightStart",
                fortnight.toString())).post("/api/v1/settlements/runs").then().statusCode(200).extract().path("id");
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("America/Lima"));
    }
}

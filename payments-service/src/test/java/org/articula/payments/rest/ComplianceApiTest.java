package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.Terms;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three fortnights of Rosa's milk under an agreement committing 10 L a day (no tolerance, no shortfall
 * penalty), paid 7 days after each fortnight, with three rules: +S/ 0.02/L after two fortnights at 95 %
 * acceptance or more, a warning after two fortnights under commitment, suspension proposed after three.
 * Every figure is worked out by hand below (docs/decisions/0027-compliance-monitor.md, docs/settlement-rules.md
 * R13).
 *
 * <pre>
 * fortnight        days committed delivered accepted acceptance  solids mean/worst  temperature mean/worst
 * F1 01/01-15/01    15    150       104        100     96.15 %    11.450 / 10.9       6.000 / 8.0
 * F2 16/01-31/01    16    160       120        120    100.00 %    11.800 / 11.8       4.000 / 4.0
 * F3 01/02-15/02    15    150       130        130    100.00 %    11.600 / 11.6       5.000 / 5.0
 * </pre>
 * Solids have a minimum (11.5): the worst is the lowest; temperature a maximum (10): the worst is the highest.
 * Every fortnight is under commitment (accepted below committed). F3's settlement pays 130 L x S/ 1.00 =
 * S/ 130.00 plus the incentive 130 L x S/ 0.02 = S/ 2.60 (F1 96.15 % and F2 100 % both at least 95 %): gross
 * S/ 132.60. F1 and F2 earn none (the fortnights before F1 had no deliveries). Closing F2 raises a warning (F1,
 * F2 short); closing F3 a warning (F2, F3) and the suspension proposal (F1, F2, F3): three notices. The plant
 * paid F1 on 27/01, due 22/01 (15/01 + 7): 5 days late; F2 on 06/02, due 07/02: on time; F3, due 22/02, not at
 * all: unpaid.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class ComplianceApiTest {

    static final LocalDate F1 = LocalDate.of(2026, 1, 1);
    static final LocalDate F2 = LocalDate.of(2026, 1, 16);
    static final LocalDate F3 = LocalDate.of(2026, 2, 1);
    static final PublishedEvents PUBLISHED = PublishedEvents.of("payments.events", "payments-service");

    @Inject
    EntityManager em;

    UUID plant;
    UUID laredo;
    UUID rosa;
    UUID agreement;
    Header treasurer;
    String settlementF3;

    @BeforeEach
    void threeFortnightsOfRosasMilk() {
        plant = UUID.randomUUID();
        laredo = UUID.randomUUID();
        treasurer = TestTokens.as(laredo, Roles.TREASURER);
        TestTokens.actAs("Tesorera", laredo, Roles.TREASURER);
        Deliveries milk = new Deliveries(laredo, plant, "milk", "L");
        Terms terms = UpstreamEvents.terms().basePrice("1.00")
                .quality(QualityParameter.numeric("total_solids", "%", "11.5", null),
                        QualityParameter.numeric("temperature", "°C", null, "10"))
                .committing("10", "DAY", "0", null)
                .acceptanceBonus("95", 2, "0.02").underCommitment(2, "WARNING")
                .underCommitment(3, "SUSPENSION_PROPOSED");
        rosa = milk.producer("Rosa Quispe", terms);
        agreement = milk.agreementOf(rosa);
        lot(milk, F1.plusDays(1), "100", "12.0", "4.0", "ACCEPTED");
        lot(milk, F1.plusDays(2), "4", "10.9", "8.0", "REJECTED");
        lot(milk, F2.plusDays(1), "120", "11.8", "4.0", "ACCEPTED");
        lot(milk, F3.plusDays(1), "130", "11.6", "5.0", "ACCEPTED");
        milk.awaitAll(em);

        close(run(F1));
        close(run(F2));
        settlementF3 = run(F3);
        remit(F1, "2026-01-27");
        remit(F2, "2026-02-06");
    }

    @Test
    void anAcceptanceStreakIsPaidAsItsOwnLineWithTheRuleAndTheFiguresThatEarnedIt() {
        JsonPath statement = given().get("/api/v1/settlements/" + settlementF3 + "/statements/" + rosa).then()
                .statusCode(200).extract().jsonPath();
        Map<String, Object> incentive = statement.getMap("lines.find { it.kind == 'INCENTIVE' }");
        assertEquals(0, new BigDecimal("2.60").compareTo(new BigDecimal(incentive.get("amount").toString())));
        assertEquals(0, new BigDecimal("130").compareTo(new BigDecimal(incentive.get("quantity").toString())));
        assertEquals(0, new BigDecimal("0.02").compareTo(new BigDecimal(incentive.get("unitPrice").toString())));
        assertEquals("ACCEPTANCE_BONUS", statement.getString("lines.find { it.kind == 'INCENTIVE' }.detail.rule"));
        assertEquals(List.of("2026-01-01", "2026-01-16"),
                statement.getList("lines.find { it.kind == 'INCENTIVE' }.detail.fortnights.fortnightStart"));
        assertEquals(List.of(96.15f, 100.0f),
                statement.getList("lines.find { it.kind == 'INCENTIVE' }.detail.fortnights.acceptancePercent"));
        assertEquals(0, new BigDecimal("132.60").compareTo(statement.getObject("gross", BigDecimal.class)));
        // F1 and F2 earned nothing: the fortnights before them had no deliveries
        String settlementF2 = given().queryParam("fortnightStart", F2.toString()).get("/api/v1/settlements").then()
                .statusCode(200).extract().path("[0].id");
        given().get("/api/v1/settlements/" + settlementF2 + "/statements/" + rosa).then().statusCode(200)
                .body("lines.findAll { it.kind == 'INCENTIVE' }", empty());
        given().accept("text/html").get("/api/v1/settlements/" + settlementF3 + "/statements/" + rosa).then()
                .statusCode(200).body(containsString("Incentivo por calidad"));
    }

    @Test
    void theMonitorShowsEachFortnightsFiguresQualityPunctualityTrendAndRulesMet() {
        monitor(treasurer, "agreements/" + agreement).statusCode(200)
                .body("agreements", hasSize(1))
                .body("agreements[0].fortnights.periodStart", contains("2026-01-01", "2026-01-16", "2026-02-01"))
                .body("agreements[0].fortnights.committed", contains(150.0f, 160.0f, 150.0f))
                .body("agreements[0].fortnights.delivered", contains(104.0f, 120.0f, 130.0f))
                .body("agreements[0].fortnights.accepted", contains(100.0f, 120.0f, 130.0f))
                .body("agreements[0].fortnights.acceptancePercent", contains(96.15f, 100.0f, 100.0f))
                .body("agreements[0].fortnights.underCommitment", contains(true, true, true))
                .body("agreements[0].fortnights[0].quality.parameter", contains("temperature", "total_solids"))
                .body("agreements[0].fortnights[0].quality.mean", contains(6.0f, 11.45f))
                .body("agreements[0].fortnights[0].quality.worst", contains(8.0f, 10.9f))
                .body("agreements[0].fortnights[0].quality.readings", contains(2, 2))
                .body("agreements[0].fortnights.buyerPayment.dueDate",
                        contains("2026-01-22", "2026-02-07", "2026-02-22"))
                .body("agreements[0].fortnights.buyerPayment.status", contains("LATE", "ON_TIME", "UNPAID"))
                .body("agreements[0].fortnights.buyerPayment.daysLate", contains(5, 0, null))
                .body("agreements[0].fortnights[0].rulesMet", empty())
                .body("agreements[0].fortnights[1].rulesMet.kind", contains("ACCEPTANCE_BONUS", "UNDER_COMMITMENT"))
                .body("agreements[0].fortnights[2].rulesMet.action", contains(null, "WARNING", "SUSPENSION_PROPOSED"))
                // the six fortnights up to F3: none delivered before F1; 96.15 then 100 and 100, so UP
                .body("agreements[0].trend.fortnights.periodStart", contains("2025-11-16", "2025-12-01",
                        "2025-12-16", "2026-01-01", "2026-01-16", "2026-02-01"))
                .body("agreements[0].trend.direction", is("UP"))
                .body("agreements[0].punctuality.due", is(3)).body("agreements[0].punctuality.onTime", is(1))
                .body("agreements[0].punctuality.late", is(1)).body("agreements[0].punctuality.unpaid", is(1))
                .body("agreements[0].punctuality.totalDaysLate", is(5))
                .body("buyers[0].buyerId", is(plant.toString())).body("buyers[0].punctuality.late", is(1))
                .body("buyers[0].punctuality.unpaid", is(1));
    }

    @Test
    void underCommitmentRaisesAWarningThenProposesSuspensionOnceEachAsNoticesAndEvents() {
        close(settlementF3);
        close(settlementF3); // closing again raises nothing twice
        JsonPath notices = monitor(treasurer, "agreements/" + agreement).statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-01-16", "2026-02-01", "2026-02-01"), notices.getList("notices.periodStart"));
        assertEquals(List.of("UNDER_COMMITMENT/2/WARNING", "UNDER_COMMITMENT/2/WARNING",
                "UNDER_COMMITMENT/3/SUSPENSION_PROPOSED"), notices.getList("notices.rule"));
        assertEquals(List.of(100.0f, 120.0f, 130.0f), notices.getList("notices[2].figures.fortnights.accepted"));
        assertEquals(List.of(150.0f, 160.0f, 150.0f), notices.getList("notices[2].figures.fortnights.threshold"));
        String suspension = notices.getString("notices[2].id");
        EventEnvelope event = EventJson.read(PUBLISHED.await(suspension, 1).get(0).value());
        assertEquals("ComplianceNoticeRaised", event.type());
        assertEquals(agreement.toString(), event.payload().path("agreementId").asText());
        assertEquals(plant.toString(), event.payload().path("buyerId").asText());
        assertEquals("SUSPENSION_PROPOSED", event.payload().path("action").asText());
        assertEquals(3, event.payload().path("figures").path("fortnights").size());
        assertEquals(1, ((Number) em.createNativeQuery(
                "select count(*) from compliance_notice where agreement_id = :a and rule like '%SUSPENSION%'")
                .setParameter("a", agreement).getSingleResult()).intValue());
    }

    @Test
    void theBuyerAndTheProducerSeeTheirOwnAndNobodyElseSeesAnything() {
        monitor(TestTokens.as(plant, Roles.BUYER_ADMIN), "buyers/" + plant).statusCode(200)
                .body("agreements[0].agreementId", is(agreement.toString()))
                .body("buyers[0].punctuality.totalDaysLate", is(5));
        Header rosaToken = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Rosa Quispe", laredo, Roles.PRODUCER)
                .withProducer(rosa)));
        monitor(rosaToken, "producers/" + rosa).statusCode(200)
                .body("agreements[0].fortnights.accepted", contains(100.0f, 120.0f, 130.0f));
        monitor(rosaToken, "producers/" + UUID.randomUUID()).statusCode(404);
        monitor(TestTokens.as(UUID.randomUUID(), Roles.TREASURER), "agreements/" + agreement).statusCode(404)
                .contentType("application/problem+json");
        monitor(TestTokens.as(UUID.randomUUID(), Roles.BUYER_ADMIN), "buyers/" + plant).statusCode(404);
        given().header(treasurer).queryParams("from", "2026-02-15", "to", "2026-01-01")
                .get("/api/v1/compliance/agreements/" + agreement).then().statusCode(400)
                .body("violations[0].field", is("from"));
        monitor(treasurer, "networks/" + UUID.randomUUID()).statusCode(404).body("agreements", nullValue());
    }

    /**
     * Red Conache sells under a group agreement committing 300 L a fortnight with 10 % tolerance (threshold 270):
     * in F1 Julio delivers 150 L accepted, Ana 100 L accepted and 20 L rejected. The network delivered 270 L and
     * accepted 250 L (92.59 %), under its commitment; each member's view of the agreement is the network's.
     */
    @Test
    void aGroupAgreementIsMonitoredOnTheNetworksTotalAgainstTheNetworksCommitment() {
        UUID network = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        UUID groupAgreement = UUID.randomUUID();
        UpstreamEvents.publish(
                UpstreamEvents.producer().id(julio).organisation(laredo).group(network).name("Julio Cóndor")
                        .registered(),
                UpstreamEvents.producer().id(ana).organisation(laredo).group(network).name("Ana Rojas").registered(),
                UpstreamEvents.agreement().id(groupAgreement).organisation(laredo).buyer(plant).group(network)
                        .product("milk", "L").from(Deliveries.START).to(Deliveries.END)
                        .terms(UpstreamEvents.terms().basePrice("1.00").committing("300", "FORTNIGHT", "10", null))
                        .activated(),
                UpstreamEvents.organisation().id(network).name("Red Santa Rosa").kind("PRODUCER_GROUP")
                        .registered(),
                UpstreamEvents.organisation().id(laredo).name("Asociación de Productores Lecheros de Laredo")
                        .registered(),
                UpstreamEvents.organisation().id(plant).name("Planta Lechera del Norte S.A.C.").kind("PROCESSOR")
                        .registered());
        for (Object[] lot : new Object[][] { { julio, "150", "ACCEPTED" }, { ana, "100", "ACCEPTED" },
                { ana, "20", "REJECTED" } }) {
            UpstreamEvents.publish(UpstreamEvents.lot().organisation(laredo).producer((UUID) lot[0])
                    .agreement(groupAgreement).product("milk", "L").deliveredOn(F1.plusDays(3))
                    .quantity((String) lot[1])
                    .judged((String) lot[2], "total_solids bajo el mínimo 11.5").recorded());
        }
        org.articula.payments.support.Feed.awaitLots(em, laredo, 7);
        org.articula.payments.support.Feed.awaitOrganisations(em, network, laredo, plant);
        Header anasToken = TestTokens.as(TestTokens.sign(Tokens.Claims.of("Ana Rojas", laredo, Roles.PRODUCER)
                .withProducer(ana)));
        for (ValidatableResponse view : List.of(monitor(treasurer, "networks/" + network), monitor(anasToken,
                "producers/" + ana))) {
            view.statusCode(200).body("agreements.agreementId", contains(groupAgreement.toString()))
                    .body("agreements[0].counterpartyType", is("PRODUCER_GROUP"))
                    // Named for every party, the buyer included, though none of them could look the others up
                    .body("agreements[0].counterpartyName", is("Red Santa Rosa"))
                    .body("agreements[0].organisationName", is("Asociación de Productores Lecheros de Laredo"))
                    .body("agreements[0].buyerName", is("Planta Lechera del Norte S.A.C."))
                    .body("agreements[0].fortnights[0].committed", is(300.0f))
                    .body("agreements[0].fortnights[0].threshold", is(270.0f))
                    .body("agreements[0].fortnights[0].delivered", is(270.0f))
                    .body("agreements[0].fortnights[0].accepted", is(250.0f))
                    .body("agreements[0].fortnights[0].acceptancePercent", is(92.59f))
                    .body("agreements[0].fortnights[0].underCommitment", is(true));
        }
        // Ana sees her network's agreement, not Rosa's
        monitor(anasToken, "agreements/" + agreement).statusCode(404);
    }

    private ValidatableResponse monitor(Header who, String path) {
        return given().header(who).queryParams("from", "2026-01-01", "to", "2026-02-15")
                .get("/api/v1/compliance/" + path).then();
    }

    private void lot(Deliveries milk, LocalDate day, String litres, String solids, String temperature,
            String verdict) {
        milk.send(milk.lotOf(rosa, day).quantity(litres)
                .readings(Map.of("total_solids", solids, "temperature", temperature))
                .judged(verdict, "total_solids bajo el mínimo 11.5"));
    }

    private String run(LocalDate fortnight) {
        return given().contentType(ContentType.JSON).body(Map.of("organisationId", laredo, "fortnightStart",
                fortnight.toString())).post("/api/v1/settlements/runs").then().statusCode(200).extract().path("id");
    }

    private void close(String id) {
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/settlements/" + id + "/closing").then()
                .statusCode(200);
    }

    private void remit(LocalDate fortnight, String receivedOn) {
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", laredo,
                "buyerId", plant, "fortnightStart", fortnight.toString(), "product", "milk", "quantityPaid", 100,
                "unit", "L", "amount", new BigDecimal("100.00"), "receivedOn", receivedOn)).post("/api/v1/remittances")
                .then().statusCode(201);
    }
}

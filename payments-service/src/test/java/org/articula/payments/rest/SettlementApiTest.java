package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.IdenticalRequests;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.Lot;
import org.articula.localstack.testing.upstream.Terms;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Feed;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pins the settlement rules of docs/settlement-rules.md (each test cites its rules: "rule R6") with
 * céntimo-exact, hand-computed cases. Agreements and lots reach payments-service as contracts and lots
 * events through the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class SettlementApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("payments.events", "payments-service");

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final LocalDate OCT_16 = LocalDate.of(2026, 10, 16);
    static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 12, 31);
    static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    UUID organisation;
    UUID buyer;
    List<EventEnvelope> pending;
    int lotsSent;

    @BeforeEach
    void anOrganisationOfItsOwn() {
        organisation = UUID.randomUUID();
        buyer = UUID.randomUUID();
        TestTokens.actAs("Tesorera", organisation, TestTokens.STAFF);
        pending = new ArrayList<>();
        lotsSent = 0;
    }

    // rule R3, R8 (due date), R11
    @Test
    void theBasePriceTimesQuantityIsRoundedOncePerLotAndRejectedLotsPayNothing() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.03"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "18.5", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_1.plusDays(2), "20.25", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_1.plusDays(3), "10", Map.of("total_solids", "10.9"), "REJECTED");
        JsonPath settlement = run(OCT_1);
        String id = settlement.getString("id");
        given().get("/api/v1/settlements/runs/" + settlement.getString("lastRunId")).then().statusCode(200)
                .body("status", is("DONE")).body("stepsDone", is(7)).body("stepsTotal", is(7))
                .body("lotLines", is(3)).body("producers", is(1));

        // 18.5 x 1.03 = 19.055 -> 19.06; 20.25 x 1.03 = 20.8575 -> 20.86; gross 39.92
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .body("lines.kind", contains("LOT", "LOT", "REJECTED"))
                .body("lines.amount", contains(19.06f, 20.86f, 0f))
                .body("lines[2].detail.reasons", hasSize(1))
                .body("gross", is(39.92f)).body("totalDeductions", is(0f)).body("net", is(39.92f))
                .body("dueDate", is("2026-10-22"));
    }

    // rule R3, R11
    @Test
    void theLargestLotIntakeAcceptsAtTheDearestPriceAnAgreementAllowsIsSettledAndClosedToTheCentimo() {
        UUID rosa = producerWith(dearestTerms());
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), LARGEST_QUANTITY.toPlainString(),
                readingsReachingEveryAdjustment(), "ACCEPTED");
        String id = run(OCT_1).getString("id");
        close(id);

        // 999999.999 x (999999.9999 + 30 x 999999.9999) = 30999999965900.0000031 -> 30999999965900.00
        BigDecimal unitPrice = LARGEST_BASE_PRICE
                .add(LARGEST_ADJUSTMENT.multiply(BigDecimal.valueOf(MOST_ADJUSTMENTS)));
        BigDecimal amount = LARGEST_QUANTITY.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
        JsonNode statement = exactly(given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .statusCode(200).extract().asString());
        assertEquals(unitPrice.toPlainString(), statement.at("/lines/0/unitPrice").decimalValue().toPlainString());
        assertEquals(amount.toPlainString(), statement.at("/lines/0/amount").decimalValue().toPlainString());
        assertEquals(amount.toPlainString(), statement.at("/net").decimalValue().toPlainString());
    }

    // rule R11 (limits)
    @Test
    void aLotWhoseAmountNoSettlementStoresIsNamedInTheRefusalAndTheRunLogInsteadOfFailingEveryone() {
        UUID rosa = producerWith(dearestTerms());
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(julio, agreementOf(julio), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        // Recorded before intake's limits (quantities up to 999999999.999): outside today's contract, so sent as is.
        Lot huge = lotState(rosa, agreementOf(rosa), OCT_1.plusDays(2), "999999999.999",
                readingsReachingEveryAdjustment(), "ACCEPTED").unchecked();
        UpstreamEvents.publish(huge.recorded());
        lotsSent++;
        awaitLots();

        given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation, "fortnightStart",
                OCT_1.toString())).post("/api/v1/settlements/runs").then().statusCode(422).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:amount-out-of-range"))
                .body("detail", containsString("lote " + huge.id()))
                .body("detail", containsString("Corrija o anule ese lote"));
        // The run log keeps why, in the same words.
        assertEquals(1, em.createNativeQuery("select reason from settlement_run where organisation_id = :org"
                + " and status = 'FAILED' and reason like :lot").setParameter("org", organisation)
                .setParameter("lot", "%lote " + huge.id() + "%").getResultList().size());

        UpstreamEvents.publish(huge.voided("cantidad mal digitada"));
        Feed.await("the void", () -> em.createNativeQuery("select status from lot_ref where id = :id")
                .setParameter("id", huge.id()).getResultList().contains("VOIDED"));
        assertEquals(100.00f, run(OCT_1).getFloat("gross"));
    }

    // rule R3
    @Test
    void qualityAdjustmentsApplyOnTheirHalfOpenRangesAndMayBeNegative() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.03")
                .adjustment("total_solids", "12", null, "0.05")
                .adjustment("total_solids", null, "11.5", "-0.10"));
        UUID agreement = agreementOf(rosa);
        for (String solids : List.of("12.00", "11.99", "11.50", "11.49")) {
            lot(rosa, agreement, OCT_1.plusDays(lotsSent + 1), "10", Map.of("total_solids", solids), "ACCEPTED");
        }
        String id = run(OCT_1).getString("id");

        // 12.00 -> 1.08; 11.99 and 11.50 -> 1.03; 11.49 -> 0.93: 10.80 + 10.30 + 10.30 + 9.30 = 40.70
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("lines.unitPrice", contains(1.08f, 1.03f, 1.03f, 0.93f))
                .body("lines.amount", contains(10.80f, 10.30f, 10.30f, 9.30f))
                .body("gross", is(40.70f));
    }

    // rule R6
    @Test
    void theHighestVolumeTierReachedPaysItsBonusOnAllAcceptedQuantity() {
        Terms tiers = UpstreamEvents.terms().basePrice("1.00").tier("100", "0.01").tier("200", "0.02");
        UUID reached = producerWith(tiers);
        UUID missed = producerWith(tiers);
        lot(reached, agreementOf(reached), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        lot(reached, agreementOf(reached), OCT_1.plusDays(2), "50.5", Map.of(), "ACCEPTED");
        lot(missed, agreementOf(missed), OCT_1.plusDays(1), "99.9", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");

        // 150.5 L reaches the 100 L tier: 150.5 x 0.01 = 1.505 -> 1.51; gross 150.50 + 1.51 = 152.01
        given().get("/api/v1/settlements/" + id + "/statements/" + reached).then()
                .body("lines.kind", contains("LOT", "LOT", "VOLUME_BONUS"))
                .body("lines[2].amount", is(1.51f)).body("gross", is(152.01f));
        given().get("/api/v1/settlements/" + id + "/statements/" + missed).then()
                .body("lines.kind", contains("LOT")).body("gross", is(99.90f));
    }

    // rule R7
    @Test
    void aShortfallBelowCommitmentLessToleranceIsChargedPerMissingUnit() {
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1.00").committing("10", "DAY", "10", "0.05"));
        UUID agreement = agreementOf(julio);
        lot(julio, agreement, OCT_1.plusDays(1), "60", Map.of(), "ACCEPTED");
        lot(julio, agreement, OCT_1.plusDays(2), "40", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");

        // 10 L/day x 15 days = 150; less 10 % = 135; 100 accepted: 35 L short x 0.05 = 1.75
        given().get("/api/v1/settlements/" + id + "/statements/" + julio).then()
                .body("lines.kind", contains("LOT", "LOT", "SHORTFALL_PENALTY"))
                .body("lines[2].quantity", is(35.0f)).body("lines[2].amount", is(-1.75f))
                .body("gross", is(98.25f));
    }

    // rule R7, R9, R11
    @Test
    void theShortfallThresholdIsExactAndThePenaltyRoundedOnceWhichMovesTheDeductionAndTheCarryOver() {
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1.00").committing("10.125", "DAY", "3.75", "0.25"));
        lot(julio, agreementOf(julio), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        awaitLots();
        charge(julio, "100.00", OCT_1, 1);
        String id = run(OCT_1).getString("id");

        // 10.125 L/day x 15 days = 151.875; less 3.75 % = 146.1796875 L, not rounded to 146.180 first; 100
        // accepted: 46.1796875 L short x 0.25 = 11.544921875 -> 11.54 (11.55 from the rounded threshold).
        // Gross 88.46 is all deducted; 11.54 of the charge carries to the next fortnight.
        given().get("/api/v1/settlements/" + id + "/statements/" + julio).then()
                .body("lines.kind", contains("LOT", "SHORTFALL_PENALTY"))
                .body("lines[1].amount", is(-11.54f)).body("lines[1].detail.threshold", is(146.1796875f))
                .body("gross", is(88.46f)).body("deductions.applied", contains(88.46f))
                .body("deductions.remaining", contains(11.54f)).body("net", is(0f));
    }

    // rule R7 (no deliveries), R8 (gross never below 0)
    @Test
    void amountsPricesAndQuantitiesAreWrittenAtTheirFixedScaleWhateverTheirValue() {
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1").committing("10", "DAY", "10", "0.05"));
        Feed.awaitTermsOf(em, julio);
        run(OCT_1);

        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01").get("/api/v1/settlements")
                .then().body(containsString("\"lots\":0,\"quantity\":0.000,\"gross\":0.00,\"deductions\":0.00,"
                        + "\"net\":0.00"));
        String id = given().queryParams("organisationId", organisation).get("/api/v1/settlements").then().extract()
                .path("[0].id");
        // No delivery against 10 L/day: 135 L short x 0.05 = 6.75, gross never below 0.
        given().get("/api/v1/settlements/" + id + "/statements/" + julio).then()
                .body(containsString("\"quantity\":135.000,\"unit\":\"L\",\"unitPrice\":0.0500,\"amount\":-6.75"))
                .body(containsString("\"gross\":0.00,\"totalDeductions\":0.00,\"net\":0.00"));
        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01", "tolerancePercent", "2")
                .get("/api/v1/reconciliations").then().statusCode(200)
                .body(containsString("\"tolerancePercent\":2.00"));
    }

    // rule R5 (days in force), R7
    @Test
    void aCommitmentCountsOnlyTheDaysTheAgreementWasInForce() {
        UUID julio = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        agreements.put(julio, agreement);
        // Terminated from 6 October: in force 5 days of the fortnight, so 10 L/day commits 50 L, not 150.
        UpstreamEvents.publish(UpstreamEvents.producer().id(julio).organisation(organisation).name("Julio Rodríguez")
                .registered(),
                agreement(julio).id(agreement).revision(2).terms(UpstreamEvents.terms().basePrice("1.00")
                        .committing("10", "DAY", "10", "0.05")).terminated(OCT_1.plusDays(4)));
        lot(julio, agreement, OCT_1.plusDays(1), "30", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");

        // 50 L less 10 % = 45; 30 accepted: 15 L short x 0.05 = 0.75; gross 29.25
        given().get("/api/v1/settlements/" + id + "/statements/" + julio).then()
                .body("lines.kind", contains("LOT", "SHORTFALL_PENALTY"))
                .body("lines[1].quantity", is(15.0f)).body("lines[1].amount", is(-0.75f)).body("gross", is(29.25f));
    }

    // rule R9, R11 (splitting)
    @Test
    void aChargeOf10001InTwoInstalmentsIsRecovered5000Then5001() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "80", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_16.plusDays(1), "70", Map.of(), "ACCEPTED");
        awaitLots();
        UUID charge = charge(rosa, "100.01", OCT_1.plusDays(4), 2);
        given().get("/api/v1/charges/" + charge).then().body("instalments.amount", contains(50.00f, 50.01f))
                .body("instalments.dueFrom", contains("2026-10-01", "2026-10-16"));

        String first = run(OCT_1).getString("id");
        close(first);
        given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then()
                .body("deductions.applied", contains(50.00f)).body("net", is(30.00f));
        String second = run(OCT_16).getString("id");
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then()
                .body("deductions.instalment", contains(2)).body("deductions.applied", contains(50.01f))
                .body("deductions.remaining", contains(0f)).body("net", is(19.99f));
        given().contentType(ContentType.JSON).body(Map.of("reason", "error", "by", "Tesorera"))
                .post("/api/v1/charges/" + charge + "/cancellation").then().statusCode(422).contentType(PROBLEM);
    }

    // rule R9, R10
    @Test
    void aChargeLargerThanTheGrossCarriesOverUntilRecoveredAndTheNetIsNeverNegative() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_16.plusDays(1), "150", Map.of(), "ACCEPTED");
        lot(rosa, agreement, NOV_1.plusDays(1), "80", Map.of(), "ACCEPTED");
        awaitLots();
        charge(rosa, "300.00", OCT_1, 1);

        String first = run(OCT_1).getString("id");
        close(first);
        given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then()
                .body("deductions.applied", contains(100.00f)).body("deductions.remaining", contains(200.00f))
                .body("net", is(0f));
        String second = run(OCT_16).getString("id");
        close(second);
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then()
                .body("deductions.due", contains(200.00f)).body("deductions.applied", contains(150.00f))
                .body("net", is(0f));
        String third = run(NOV_1).getString("id");
        given().get("/api/v1/settlements/" + third + "/statements/" + rosa).then()
                .body("deductions.due", contains(50.00f)).body("deductions.applied", contains(50.00f))
                .body("net", is(30.00f));
    }

    // rule R9: a producer's charges listed together, each with what closed settlements recovered of it
    @Test
    void aProducersChargesEachShowTheirOwnRecoveries() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_16.plusDays(1), "100", Map.of(), "ACCEPTED");
        awaitLots();
        UUID feed = charge(rosa, "30.00", OCT_1, 1);
        UUID vet = charge(rosa, "100.01", OCT_1.plusDays(2), 2);
        close(run(OCT_1).getString("id"));
        run(OCT_16); // open: recovers nothing yet

        JsonPath listed = given().queryParam("producerId", rosa).get("/api/v1/charges").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(2, listed.getList("id").size());
        String feedView = "find { it.id == '" + feed + "' }.";
        String vetView = "find { it.id == '" + vet + "' }.";
        assertEquals(List.of(30.00f), listed.getList(feedView + "instalments.recovered"));
        assertEquals(0f, listed.getFloat(feedView + "remaining"));
        assertEquals(List.of(50.00f, 0f), listed.getList(vetView + "instalments.recovered"));
        assertEquals(50.00f, listed.getFloat(vetView + "recovered"));
        assertEquals(50.01f, listed.getFloat(vetView + "remaining"));
        given().get("/api/v1/charges/" + vet).then().statusCode(200).body("instalments.recovered", contains(50.00f, 0f))
                .body("remaining", is(50.01f));
    }

    // rule R4, R12
    @Test
    void aLotCorrectedAfterItsFortnightClosedIsAdjustedInTheNextOneAndTheClosedOneNeverChanges() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        Lot lot = lot(rosa, agreement, OCT_1.plusDays(3), "20", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_16.plusDays(1), "30", Map.of(), "ACCEPTED");
        String first = run(OCT_1).getString("id");
        close(first);
        String before = given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then().extract().asString();

        Lot corrected = lot.revised().quantity("18");
        UpstreamEvents.publish(corrected.corrected("balanza descalibrada"));
        Feed.await("the correction", () -> ((Number) em.createNativeQuery("select revision from lot_ref where id = :id")
                .setParameter("id", lot.id()).getSingleResult()).intValue() == 2);

        String second = run(OCT_16).getString("id");
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then()
                .body("lines.kind", containsInAnyOrder("LOT", "ADJUSTMENT"))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.amount", is(-2.00f))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.lotId", is(lot.id().toString()))
                .body("gross", is(28.00f));
        String after = given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then().extract().asString();
        assertEquals(before, after);
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "fortnightStart", "2026-10-01",
                        "by", "Tesorera"))
                .post("/api/v1/settlements/runs").then().statusCode(409).contentType(PROBLEM);
    }

    // rule R2, R3, R4
    /**
     * A dispute overturned in lots-service arrives as LotCorrected from REJECTED to ACCEPTED (decision 0025):
     * paid in its own fortnight while that is open, as a positive adjustment in the next once it has closed.
     */
    @Test
    void aRejectionOverturnedByADisputeIsPaidInItsOpenFortnightOrAsAnAdjustmentOnceItClosed() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        Lot closedFortnight = lot(rosa, agreement, OCT_1.plusDays(3), "20", Map.of(), "REJECTED");
        Lot openFortnight = lot(rosa, agreement, OCT_16.plusDays(1), "30", Map.of(), "REJECTED");
        String first = run(OCT_1).getString("id");
        given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then().body("gross", is(0f));
        close(first);

        UpstreamEvents.publish(
                closedFortnight.revised().judged("ACCEPTED", null)
                        .corrected("Contramuestra analizada por UNT: aprobada"),
                openFortnight.revised().judged("ACCEPTED", null)
                        .corrected("Contramuestra analizada por UNT: aprobada"));
        Feed.await("the overturned lots", () -> ((Number) em.createNativeQuery(
                "select count(*) from lot_ref where id in (:ids) and revision = 2 and verdict = 'ACCEPTED'")
                .setParameter("ids", List.of(closedFortnight.id(), openFortnight.id())).getSingleResult())
                .intValue() == 2);

        String second = run(OCT_16).getString("id");
        // 30 L x 1.00 in its own fortnight; 20 L x 1.00 = 20.00 owed from the closed one.
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then()
                .body("lines.kind", containsInAnyOrder("LOT", "ADJUSTMENT"))
                .body("lines.find { it.kind == 'LOT' }.amount", is(30.00f))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.amount", is(20.00f))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.lotId", is(closedFortnight.id().toString()))
                .body("gross", is(50.00f));
        given().get("/api/v1/settlements/" + first + "/statements/" + rosa).then().body("gross", is(0f));
    }

    // rule R3, R6, R9, R12
    @Test
    void runningAgainGivesTheSameResultAndClosingTwiceChangesNothing() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.03").adjustment("total_solids", "12", null, "0.05")
                .tier("20", "0.01"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "12.3", Map.of("total_solids", "12.2"), "ACCEPTED");
        lot(rosa, agreement, OCT_1.plusDays(2), "11.7", Map.of("total_solids", "11.8"), "ACCEPTED");
        awaitLots();
        charge(rosa, "7.77", OCT_1, 1);
        String id = run(OCT_1).getString("id");
        String once = given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().extract().asString();
        run(OCT_1);
        String twice = given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().extract().asString();
        assertEquals(once, twice);
        // 12.3 x 1.08 = 13.284 -> 13.28; 11.7 x 1.03 = 12.051 -> 12.05; 24 L x 0.01 = 0.24; gross 25.57
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().body("gross", is(25.57f))
                .body("net", is(17.80f));

        JsonPath closed = close(id);
        assertEquals("CLOSED", closed.getString("status"));
        run(OCT_16);
        // The organisation's settlements, newest first, each with its counts and totals.
        given().queryParam("organisationId", organisation).get("/api/v1/settlements").then().statusCode(200)
                .body("periodStart", contains("2026-10-16", "2026-10-01"))
                .body("status", contains("OPEN", "CLOSED"))
                .body("[1].id", is(id)).body("[1].producers", is(1)).body("[1].lots", is(2))
                .body("[1].quantity", is(24.0f)).body("[1].gross", is(25.57f)).body("[1].net", is(17.80f));
        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01").get("/api/v1/settlements")
                .then().body("id", contains(id));
        // Without organisationId, the caller's own; another organisation's is not found.
        given().get("/api/v1/settlements").then().statusCode(200).body("id", contains(
                given().queryParam("fortnightStart", "2026-10-16").get("/api/v1/settlements").then().extract()
                        .path("[0].id"),
                id));
        given().queryParam("organisationId", UUID.randomUUID()).get("/api/v1/settlements").then().statusCode(404)
                .contentType(PROBLEM);
        JsonPath again = close(id);
        assertEquals(closed.getString("closedAt"), again.getString("closedAt"));
        assertEquals(closed.getInt("runs"), again.getInt("runs"));
        var events = PUBLISHED.await(id, 1);
        JsonNode payload = EventJson.read(events.get(0).value()).payload();
        assertEquals(rosa.toString(), payload.at("/producers/0/producerId").asText());
        assertEquals("17.80", payload.at("/producers/0/net").decimalValue().toPlainString());
    }

    // rule R3, decision 0036
    @Test
    void anOpenSettlementStoresNoLotLinesButShowsTheOnesClosingWritesAsWhatWasPaid() throws SQLException {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.03").adjustment("total_solids", "12", null, "0.05")
                .tier("20", "0.01"));
        UUID agreement = agreementOf(rosa);
        lot(rosa, agreement, OCT_1.plusDays(1), "12.3", Map.of("total_solids", "12.2"), "ACCEPTED");
        lot(rosa, agreement, OCT_1.plusDays(2), "11.7", Map.of("total_solids", "11.8"), "ACCEPTED");
        lot(rosa, agreement, OCT_1.plusDays(3), "10", Map.of("total_solids", "10.9"), "REJECTED");
        String id = run(OCT_1).getString("id");
        assertEquals(0, storedLotLines(id));
        List<Object> open = given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .body("lines.kind", contains("LOT", "LOT", "REJECTED", "VOLUME_BONUS"))
                .body("lines.amount", contains(13.28f, 12.05f, 0f, 0.24f)).body("gross", is(25.57f))
                .extract().path("lines");

        close(id);
        assertEquals(3, storedLotLines(id));
        assertEquals(open, given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .body("gross", is(25.57f)).extract().path("lines"));
    }

    private int storedLotLines(String settlementId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("select count(*) from settlement_line "
                        + "where settlement_id = ? and kind in ('LOT', 'REJECTED')")) {
            count.setObject(1, UUID.fromString(settlementId));
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    // rule R8 (due date)
    @Test
    void aPayoutRecordsItsDateAndLatenessAgainstTheDueDate() {
        UUID early = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID late = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(early, agreementOf(early), OCT_1.plusDays(1), "10", Map.of(), "ACCEPTED");
        lot(late, agreementOf(late), OCT_1.plusDays(1), "10", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");
        given().contentType(ContentType.JSON)
                .body(Map.of("producerId", early, "paidOn", "2026-10-22", "by", "Tesorera"))
                .post("/api/v1/settlements/" + id + "/payouts").then().statusCode(422);
        close(id);
        pay(id, early, "2026-10-22").then().statusCode(200);
        pay(id, late, "2026-10-25").then().statusCode(200)
                .body("producers.find { it.producerId == '" + early + "' }.daysLate", is(0))
                .body("producers.find { it.producerId == '" + late + "' }.daysLate", is(3))
                .body("producers.find { it.producerId == '" + late + "' }.dueDate", is("2026-10-22"));
        pay(id, late, "2026-10-25").then().statusCode(200);
        pay(id, late, "2026-10-26").then().statusCode(409).contentType(PROBLEM);
        String tomorrow = LocalDate.now(java.time.ZoneId.of("America/Lima")).plusDays(1).toString();
        pay(id, early, tomorrow).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("paidOn"));
        var events = PUBLISHED.await(id, 3).stream().map(r -> EventJson.read(r.value())).toList();
        assertEquals(List.of("SettlementClosed", "PayoutPaid", "PayoutPaid"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(3, events.get(2).payload().path("daysLate").asInt());
        given().accept("text/html").get("/api/v1/settlements/" + id + "/statements/" + late).then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Neto a pagar"))
                .body(containsString("pagado con 3 días de retraso"));
    }

    // rule R8 (due date), a fortnight's transfers recorded at once
    @Test
    void aBatchOfPayoutsRecordsEachOnItsOwnAndTheSameBatchAgainChangesNothing() throws SQLException {
        UUID ana = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID beto = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID caro = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        for (UUID producer : List.of(ana, beto, caro)) {
            lot(producer, agreementOf(producer), OCT_1.plusDays(1), "10", Map.of(), "ACCEPTED");
        }
        String id = run(OCT_1).getString("id");
        // an open settlement pays nobody
        payAll(id, payout(ana, "2026-10-20")).then().statusCode(422).contentType(PROBLEM);
        close(id);
        pay(id, caro, "2026-10-21").then().statusCode(200);
        UUID stranger = UUID.randomUUID();
        String tomorrow = LocalDate.now(java.time.ZoneId.of("America/Lima")).plusDays(1).toString();
        List<Map<String, Object>> transfers = List.of(payout(ana, "2026-10-22"), payout(beto, "2026-10-25"),
                payout(caro, "2026-10-23"), payout(stranger, "2026-10-22"), payout(ana, "2026-10-22"),
                payout(beto, tomorrow));

        payAll(id, transfers.toArray(Map[]::new)).then().statusCode(200)
                .body("settlementId", is(id))
                .body("total", is(6)).body("recorded", is(2)).body("unchanged", is(1)).body("refused", is(3))
                .body("results.index", contains(0, 1, 2, 3, 4, 5))
                .body("results.producerId", contains(ana.toString(), beto.toString(), caro.toString(),
                        stranger.toString(), ana.toString(), beto.toString()))
                .body("results.outcome", contains("RECORDED", "RECORDED", "REFUSED", "REFUSED", "UNCHANGED",
                        "REFUSED"))
                .body("results[0].producer.paidOn", is("2026-10-22"))
                .body("results[0].producer.daysLate", is(0))
                .body("results[1].producer.dueDate", is("2026-10-22"))
                .body("results[1].producer.daysLate", is(3))
                .body("results[1].producer.net", is(10.00f))
                .body("results[2].problem.status", is(409))
                .body("results[2].problem.detail", is("Ya se registró el pago del 21/10/2026"))
                .body("results[3].problem.status", is(404))
                .body("results[5].problem.status", is(400))
                .body("results[5].problem.violations[0].field", is("payouts[5].paidOn"))
                .body("results[2].producer", nullValue());
        // the same batch again: what was recorded stays, nothing is recorded twice
        payAll(id, transfers.toArray(Map[]::new)).then().statusCode(200)
                .body("recorded", is(0)).body("unchanged", is(3)).body("refused", is(3))
                .body("results.outcome", contains("UNCHANGED", "UNCHANGED", "REFUSED", "REFUSED", "UNCHANGED",
                        "REFUSED"));

        JsonPath view = given().get("/api/v1/settlements/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("2026-10-22", view.getString("producers.find { it.producerId == '" + ana + "' }.paidOn"));
        assertEquals("2026-10-25", view.getString("producers.find { it.producerId == '" + beto + "' }.paidOn"));
        assertEquals("2026-10-21", view.getString("producers.find { it.producerId == '" + caro + "' }.paidOn"));
        var events = PUBLISHED.await(id, 4).stream().map(r -> EventJson.read(r.value())).toList();
        assertEquals(List.of("SettlementClosed", "PayoutPaid", "PayoutPaid", "PayoutPaid"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals(List.of(caro.toString(), ana.toString(), beto.toString()), events.subList(1, 4).stream()
                .map(e -> e.payload().path("producerId").asText()).toList());
        assertEquals("OP-2026-10-25", events.get(3).payload().path("reference").asText());
        given().queryParams("resourceType", "Settlement", "resourceId", id).get("/api/v1/audit").then()
                .statusCode(200).body("findAll { it.action == 'PAID' }.detail.producerId",
                        containsInAnyOrder(caro.toString(), ana.toString(), beto.toString()));

        // not a batch: refused whole, nothing read
        for (Object body : List.of(Map.of(), Map.of("payouts", List.of()),
                Map.of("payouts", List.of(Map.of("paidOn", "2026-10-22"))))) {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/settlements/" + id + "/payouts/batch")
                    .then().statusCode(400).contentType(PROBLEM);
        }
    }

    @Test
    void aLargeSettlementIsWrittenWholeAndInOrderWhileItsProducersAreRead() throws SQLException {
        // More producers than the service reads in one slice (2,000), stored as a run leaves them.
        UUID settlement = UUID.randomUUID();
        UUID empty = UUID.randomUUID();
        java.util.Random random = new java.util.Random(42);
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal deductions = BigDecimal.ZERO;
        int producers = 4_321;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    insert into settlement (id, organisation_id, period_start, period_end, status, runs, computed_at)
                    values (?, ?, ?, ?, 'OPEN', 1, now())""")) {
                for (Object[] row : List.of(new Object[] { settlement, LocalDate.of(2026, 9, 1) },
                        new Object[] { empty, LocalDate.of(2026, 9, 16) })) {
                    s.setObject(1, row[0]);
                    s.setObject(2, organisation);
                    s.setObject(3, row[1]);
                    s.setObject(4, ((LocalDate) row[1]).plusDays(14));
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into settlement_producer (settlement_id, producer_id, gross, deductions, net, due_date, paid_on)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < producers; i++) {
                    BigDecimal g = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
                    BigDecimal d = BigDecimal.valueOf(random.nextInt(100_000), 2).min(g);
                    gross = gross.add(g);
                    deductions = deductions.add(d);
                    s.setObject(1, settlement);
                    s.setObject(2, UUID.randomUUID());
                    s.setBigDecimal(3, g);
                    s.setBigDecimal(4, d);
                    s.setBigDecimal(5, g.subtract(d));
                    s.setObject(6, LocalDate.of(2026, 9, 22));
                    s.setObject(7, i % 7 == 0 ? LocalDate.of(2026, 9, 25) : null);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
        List<String> stored = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "select producer_id from settlement_producer where settlement_id = ? order by producer_id")) {
            q.setObject(1, settlement);
            try (var rows = q.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }

        JsonPath view = given().get("/api/v1/settlements/" + settlement).then().statusCode(200)
                .contentType(ContentType.JSON).body("id", is(settlement.toString())).body("status", is("OPEN"))
                .extract().jsonPath().using(new io.restassured.path.json.config.JsonPathConfig(
                        io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
        assertEquals(stored, view.getList("producers.producerId"), "every producer once, by producer id");
        assertEquals(gross, view.<BigDecimal>get("gross"));
        assertEquals(deductions, view.<BigDecimal>get("deductions"));
        assertEquals(gross.subtract(deductions), view.<BigDecimal>get("net"));
        List<Map<String, Object>> rows = view.getList("producers");
        assertEquals((producers + 6) / 7, rows.stream().filter(r -> "2026-09-25".equals(r.get("paidOn"))).count());
        assertEquals(List.of(3), rows.stream().filter(r -> r.get("paidOn") != null).map(r -> r.get("daysLate"))
                .distinct().toList());

        // the same settlement for a spreadsheet, also written while read: a row per producer, names where known
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        """
                insert into producer_ref (id, organisation_id, national_id, name, revision) values (?, ?, ?, ?, 1)""")) {
            for (int i = 0; i < stored.size(); i += 1_000) {
                s.setObject(1, UUID.fromString(stored.get(i)));
                s.setObject(2, organisation);
                s.setString(3, String.format("%08d", i));
                s.setString(4, "Socio " + i);
                s.addBatch();
            }
            s.executeBatch();
        }
        CsvDownloads.Table csv = CsvDownloads.get(given(), "/api/v1/settlements/" + settlement,
                "liquidacion-2026-09-01.csv");
        assertEquals(stored, csv.column("Id del socio"), "every producer once, by producer id");
        assertEquals(gross.subtract(deductions), csv.rows().stream()
                .map(r -> new BigDecimal(r.get("Neto (S/)"))).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(List.of("Socio 0", "00000000", "Socio 4000", "00004000"),
                List.of(csv.rows().get(0).get("Socio"), csv.rows().get(0).get("DNI"),
                        csv.rows().get(4_000).get("Socio"), csv.rows().get(4_000).get("DNI")));
        assertEquals(List.of("", ""), List.of(csv.rows().get(1).get("Socio"), csv.rows().get(1).get("DNI")));
        assertEquals(rows.stream().map(r -> String.valueOf(r.get("daysLate"))).toList(),
                csv.column("Días de retraso"));
        assertEquals(List.of(), CsvDownloads.get(given(), "/api/v1/settlements/" + empty,
                "liquidacion-2026-09-16.csv").rows(), "the header alone");

        given().get("/api/v1/settlements/" + empty).then().statusCode(200).body("producers", hasSize(0))
                .body("gross", is(0.0f)).body("net", is(0.0f));
        given().get("/api/v1/settlements/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    private Map<String, Object> payout(UUID producer, String day) {
        return Map.of("producerId", producer, "paidOn", day, "reference", "OP-" + day);
    }

    @SafeVarargs
    private io.restassured.response.Response payAll(String id, Map<String, Object>... payouts) {
        return given().contentType(ContentType.JSON).body(Map.of("payouts", List.of(payouts)))
                .post("/api/v1/settlements/" + id + "/payouts/batch");
    }

    // rule R12
    @Test
    void postgresqlRefusesAnyChangeToAClosedSettlementButRecordingEachPayoutOnce() throws SQLException {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        lot(julio, agreementOf(julio), OCT_1.plusDays(1), "50", Map.of(), "ACCEPTED");
        awaitLots();
        charge(rosa, "30.00", OCT_1, 1);
        String id = run(OCT_1).getString("id");
        close(id);
        pay(id, rosa, "2026-10-20").then().statusCode(200);
        String before = given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .extract().asString();

        UUID settlement = UUID.fromString(id);
        for (String change : List.of("update settlement set runs = runs + 1 where id = ?",
                "update settlement set status = 'OPEN' where id = ?",
                "delete from settlement where id = ?",
                "update settlement_line set amount = amount + 1 where settlement_id = ?",
                "delete from settlement_line where settlement_id = ?",
                "insert into settlement_line (settlement_id, producer_id, agreement_id, kind, amount, detail) "
                        + "select settlement_id, producer_id, agreement_id, 'ADJUSTMENT', 1, '{}' from settlement_line "
                        + "where settlement_id = ? limit 1",
                "update settlement_producer set net = net + 1 where settlement_id = ?",
                "update settlement_producer set paid_on = paid_on + 1 where settlement_id = ? and paid_on is not null",
                "delete from settlement_producer where settlement_id = ?",
                "update settlement_deduction set applied = 0 where settlement_id = ?",
                "delete from settlement_deduction where settlement_id = ?")) {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(change)) {
                statement.setObject(1, settlement);
                SQLException refused = assertThrows(SQLException.class, statement::executeUpdate, change);
                assertEquals("23001", refused.getSQLState(), change + ": " + refused.getMessage());
            }
        }
        // Nor does naming it as the settlement being computed (what a run does) let its lines go.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement name = connection.prepareStatement(
                    "select set_config('articula.computing_settlement', ?, true)");
                    PreparedStatement delete = connection.prepareStatement(
                            "delete from settlement_line where settlement_id = ?")) {
                name.setString(1, id);
                name.executeQuery().close();
                delete.setObject(1, settlement);
                assertEquals("23001", assertThrows(SQLException.class, delete::executeUpdate).getSQLState());
            } finally {
                connection.rollback();
            }
        }

        pay(id, julio, "2026-10-21").then().statusCode(200);
        given().get("/api/v1/settlements/" + id).then().body("producers.paidOn",
                containsInAnyOrder("2026-10-20", "2026-10-21"));
        assertEquals(before, given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then().extract()
                .asString());
    }

    // rule R1
    @Test
    void aFortnightMustStartOnThe1stOrThe16th() {
        given().contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "fortnightStart", "2026-10-05",
                        "by", "Tesorera"))
                .post("/api/v1/settlements/runs")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("fortnightStart"));
        given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation, "by", "Tesorera"))
                .post("/api/v1/settlements/runs").then().statusCode(400)
                .body("violations.field", contains("fortnightStart"));
        given().get("/api/v1/settlements/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aFortnightPaidAsDeliveredReconcilesWithoutDiscrepancies() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID julio = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        lot(julio, agreementOf(julio), OCT_1.plusDays(1), "50", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");
        close(id);
        pay(id, rosa, "2026-10-20").then().statusCode(200);
        pay(id, julio, "2026-10-20").then().statusCode(200);
        remit("149", "165.00");

        // 150 L collected, 149 paid for: 0.67 % shrinkage, within 2 %; S/ 165.00 received for S/ 150.00 owed
        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01")
                .get("/api/v1/reconciliations")
                .then().statusCode(200)
                .body("buyers[0].quantityCollected", is(150.0f)).body("buyers[0].quantityPaidFor", is(149.0f))
                .body("buyers[0].shrinkagePercent", is(0.67f)).body("buyers[0].margin", is(15.00f))
                .body("totals.amountReceived", is(165.00f)).body("totals.grossOwed", is(150.00f))
                .body("totals.netPaid", is(150.00f)).body("totals.margin", is(15.00f))
                .body("discrepancies", hasSize(0));
    }

    @Test
    void shrinkageAPaymentBelowWhatMembersAreOwedAndAnOverduePayoutAreFlagged() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");
        close(id);
        remit("90", "95.00");

        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01")
                .get("/api/v1/reconciliations")
                .then().statusCode(200)
                .body("buyers[0].shrinkage", is(10.0f)).body("buyers[0].shrinkagePercent", is(10.00f))
                .body("discrepancies.kind", containsInAnyOrder("SHRINKAGE", "PAID_BELOW_GROSS", "PAYOUT_OVERDUE"))
                .body("discrepancies.find { it.kind == 'PAYOUT_OVERDUE' }.producerId", is(rosa.toString()));
        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-16")
                .get("/api/v1/reconciliations")
                .then().statusCode(404).contentType(PROBLEM);

        // Money not received yet cannot be recorded as received; nothing is stored.
        String tomorrow = LocalDate.now(java.time.ZoneId.of("America/Lima")).plusDays(1).toString();
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                "buyerId", buyer, "fortnightStart", "2026-10-01", "product", "milk", "quantityPaid", 10, "unit", "L",
                "amount", 10, "receivedOn", tomorrow, "by", "Tesorera"))
                .post("/api/v1/remittances").then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("receivedOn"));
        given().queryParams("organisationId", organisation, "fortnightStart", "2026-10-01")
                .get("/api/v1/reconciliations")
                .then().body("buyers[0].quantityPaidFor", is(90.0f));
    }

    // rule R2 (waiting lots)
    @Test
    void aLotThatArrivesBeforeItsAgreementWaitsAndIsSettledOnceTheTermsArrive() {
        UUID producer = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        Lot early = UpstreamEvents.lot().organisation(organisation).producer(producer).agreement(agreement)
                .quantity("40").deliveredOn(OCT_1.plusDays(2), LocalTime.of(6, 0));
        UpstreamEvents.publish(early.recorded());
        Feed.await("the early lot", () -> ((Number) em.createNativeQuery("select count(*) from lot_ref where id = :id")
                .setParameter("id", early.id()).getSingleResult()).intValue() == 1);
        JsonPath first = given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation,
                "fortnightStart", "2026-10-01", "by", "Tesorera")).post("/api/v1/settlements/runs")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, first.getInt("waitingLots"));
        assertEquals(0, first.getList("producers").size());

        UpstreamEvents.publish(agreement(producer).id(agreement).basePrice("1.10").activated());
        agreements.put(producer, agreement);
        lotsSent = 1;
        JsonPath second = run(OCT_1);
        assertEquals(0, second.getInt("waitingLots"));
        assertEquals(44.00f, second.getFloat("gross"));
    }

    // rule R9
    @Test
    void aChargeKeepsWithinTheAgreementsInstalmentsAndCanBeCancelledWhileNothingIsRecovered() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "50", Map.of(), "ACCEPTED");
        awaitLots();
        Feed.awaitTermsOf(em, rosa);
        Map<String, Object> tooMany = new java.util.HashMap<>(Map.of("id", UUID.randomUUID(), "organisationId",
                organisation, "producerId", rosa, "kind", "VETERINARY", "description", "Vacuna", "amount", 30,
                "chargeDate", "2026-10-02", "instalments", 3, "by", "Tesorera"));
        given().contentType(ContentType.JSON).body(tooMany).post("/api/v1/charges")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("instalments"));
        UUID charge = charge(rosa, "30.00", OCT_1.plusDays(1), 2);
        given().contentType(ContentType.JSON).body(Map.of("reason", "registrado por error", "by", "Tesorera"))
                .post("/api/v1/charges/" + charge + "/cancellation").then().statusCode(200)
                .body("status", is("CANCELLED"));
        String id = run(OCT_1).getString("id");
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("deductions", hasSize(0)).body("net", is(50.00f));
    }

    // rule R9 (instalment cap)
    @Test
    void aChargeBeforeTheAgreementsTermsArriveIsToldToRetryAndOnceTheyArriveMeetsTheirRealCap() {
        UUID ana = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        UpstreamEvents.publish(
                UpstreamEvents.producer().id(ana).organisation(organisation).name("Ana Flores").registered(),
                UpstreamEvents.producer().id(julio).organisation(organisation).name("Julio Rodríguez").registered());
        Feed.await("Ana and Julio", () -> count("select count(*) from producer_ref where id = :id", ana)
                + count("select count(*) from producer_ref where id = :id", julio) == 2);
        // Their agreements were just activated: Ana's allows 3 instalments, Julio's 1; neither has arrived.
        Map<String, Object> anaInThree = chargeBody(UUID.randomUUID(), ana, "90.00", OCT_1.plusDays(2), 3);
        Map<String, Object> julioInTwo = chargeBody(UUID.randomUUID(), julio, "40.00", OCT_1.plusDays(2), 2);
        for (Map<String, Object> early : List.of(anaInThree, julioInTwo)) {
            given().contentType(ContentType.JSON).body(early).post("/api/v1/charges").then().statusCode(409)
                    .contentType(PROBLEM).header("Retry-After", "3")
                    .body("type", is("urn:articula:problem:terms-not-received"))
                    .body("detail", containsString("reintente en unos segundos"));
            assertEquals(0L, count("select count(*) from charge where id = :id", (UUID) early.get("id")));
        }

        publishAgreement(ana, UpstreamEvents.terms().basePrice("1.00").maxInstalments(3));
        publishAgreement(julio, UpstreamEvents.terms().basePrice("1.00").maxInstalments(1));
        Feed.awaitTermsOf(em, ana);
        Feed.awaitTermsOf(em, julio);
        given().contentType(ContentType.JSON).body(anaInThree).post("/api/v1/charges").then().statusCode(201)
                .body("instalments.amount", contains(30.00f, 30.00f, 30.00f));
        given().contentType(ContentType.JSON).body(julioInTwo).post("/api/v1/charges").then().statusCode(400)
                .body("violations[0].field", is("instalments")).body("detail", containsString("a lo más 1"));
        // A charge dated after every agreement of the producer ended: no cap applies, and repeating is pointless.
        given().contentType(ContentType.JSON).body(chargeBody(UUID.randomUUID(), julio, "40.00", END.plusDays(3), 1))
                .post("/api/v1/charges").then().statusCode(422).header("Retry-After", nullValue())
                .body("type", is("urn:articula:problem:no-agreement-in-force"));
    }

    @Test
    void aChargeForAnUnknownProducerOrAnotherOrganisationsIsNotFoundAlikeAndStoresNothing() {
        UUID stranger = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        UUID otherOrganisation = UUID.randomUUID();
        UpstreamEvents.publish(UpstreamEvents.producer().id(foreign).organisation(otherOrganisation)
                .name("Productora Ajena").registered(),
                UpstreamEvents.agreement().organisation(otherOrganisation)
                        .buyer(buyer).individual(foreign).basePrice("1.00").activated());
        Feed.awaitTermsOf(em, foreign);
        for (UUID producer : List.of(stranger, foreign)) {
            UUID id = UUID.randomUUID();
            given().contentType(ContentType.JSON).body(chargeBody(id, producer, "40.00", OCT_1, 1))
                    .post("/api/v1/charges").then().statusCode(404).contentType(PROBLEM)
                    .body("type", is("urn:articula:problem:not-found"))
                    .body("detail", is("Productor " + producer + " no existe"));
            assertEquals(0L, count("select count(*) from charge where id = :id", id));
        }
    }

    @Test
    void theSameChargeOrRemittanceSentEightTimesAtOnceIsStoredOnceAndAnsweredAlike() throws Exception {
        UUID charge = UUID.randomUUID();
        UUID producer = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        Feed.awaitTermsOf(em, producer);
        Map<String, Object> feed = Map.of("id", charge, "organisationId", organisation,
                "producerId", producer, "kind", "FEED",
                "description", "Concentrado lechero 2 sacos", "amount", new java.math.BigDecimal("100.01"),
                "chargeDate", "2026-10-03", "instalments", 1);
        IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(feed).post("/api/v1/charges")));
        assertEquals(1L, count("select count(*) from charge where id = :id", charge));
        assertEquals(1L, count("select count(*) from instalment where charge_id = :id", charge));

        UUID remittance = UUID.randomUUID();
        Map<String, Object> paid = Map.of("id", remittance, "organisationId", organisation, "buyerId", buyer,
                "fortnightStart", "2026-10-01", "product", "milk", "quantityPaid", new java.math.BigDecimal("1500"),
                "unit", "L", "amount", new java.math.BigDecimal("1545.00"), "receivedOn", "2026-10-20",
                "reference", "TRF-0001");
        IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(paid).post("/api/v1/remittances")));
        assertEquals(1L, count("select count(*) from remittance where id = :id", remittance));
    }

    @Test
    void aControlCharacterInAChargeOrARemittanceIsRefusedNamedAndNothingIsStored() {
        UUID charge = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("id", charge, "organisationId", organisation,
                "producerId", UUID.randomUUID(), "kind", "FEED", "description", "Concentrado\u0000lechero",
                "amount", 10, "chargeDate", "2026-10-03", "instalments", 1)).post("/api/v1/charges")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("description"));
        assertEquals(0L, count("select count(*) from charge where id = :id", charge));
        UUID remittance = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("id", remittance, "organisationId", organisation,
                "buyerId", buyer, "fortnightStart", "2026-10-01", "product", "milk", "quantityPaid", 1500, "unit", "L",
                "amount", 1545, "receivedOn", "2026-10-20", "reference", "TRF\u00000001")).post("/api/v1/remittances")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("reference"));
        assertEquals(0L, count("select count(*) from remittance where id = :id", remittance));
    }

    private long count(String sql, UUID id) {
        return ((Number) em.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue();
    }

    /** A JSON answer with its decimals as sent, not as floats. */
    private static JsonNode exactly(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true))
                    .readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // rule R2
    @Test
    void repeatedAndOutOfOrderLotEventsChangeNothingAndAVoidedLotIsNotPaid() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        Lot first = lot(rosa, agreement, OCT_1.plusDays(1), "20", Map.of(), "ACCEPTED");
        Lot second = lot(rosa, agreement, OCT_1.plusDays(2), "30", Map.of(), "ACCEPTED");
        Lot corrected = first.revised().quantity("15");
        UpstreamEvents.publish(corrected.corrected("balanza"), first.recorded(), first.recorded(),
                second.voided("registrado dos veces"));
        // The lot may not have arrived yet either: no row is "not voided yet".
        Feed.await("the void", () -> em.createNativeQuery("select status from lot_ref where id = :id")
                .setParameter("id", second.id()).getResultList().contains("VOIDED"));
        String id = run(OCT_1).getString("id");
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("lines.lotId", contains(first.id().toString())).body("lines.quantity", contains(15.0f))
                .body("gross", is(15.00f));
    }

    // rule R4, R12
    @Test
    void aLotVoidedAfterItsFortnightClosedIsTakenBackOnlyByTheEarliestOpenSettlementAndSettlementsCloseInOrder() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        UUID agreement = agreementOf(rosa);
        Lot lot = lot(rosa, agreement, OCT_1.plusDays(3), "20", Map.of(), "ACCEPTED");
        lot(rosa, agreement, OCT_16.plusDays(1), "30", Map.of(), "ACCEPTED");
        lot(rosa, agreement, NOV_1.plusDays(1), "15", Map.of(), "ACCEPTED");
        close(run(OCT_1).getString("id"));
        String second = run(OCT_16).getString("id");
        UpstreamEvents.publish(lot.voided("registrado dos veces"));
        Feed.await("the void", () -> em.createNativeQuery("select status from lot_ref where id = :id")
                .setParameter("id", lot.id()).getResultList().contains("VOIDED"));

        // 16 October is still open, so 1 November takes no adjustment and cannot close first.
        String third = run(NOV_1).getString("id");
        given().get("/api/v1/settlements/" + third + "/statements/" + rosa).then()
                .body("lines.kind", contains("LOT")).body("gross", is(15.00f));
        given().contentType(ContentType.JSON).body(Map.of("by", "Tesorera"))
                .post("/api/v1/settlements/" + third + "/closing").then().statusCode(422).contentType(PROBLEM)
                .body("type", containsString("earlier-settlement-open"));
        // 16 October takes back the 20.00 paid for the voided lot: 30.00 - 20.00.
        run(OCT_16);
        given().get("/api/v1/settlements/" + second + "/statements/" + rosa).then()
                .body("lines.kind", containsInAnyOrder("LOT", "ADJUSTMENT"))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.amount", is(-20.00f))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.detail.previouslyPaid", is(20.00f))
                .body("lines.find { it.kind == 'ADJUSTMENT' }.detail.status", is("VOIDED"))
                .body("gross", is(10.00f));
        close(second);
        // Settled at its voided revision, the lot is not taken back twice.
        close(third);
        given().get("/api/v1/settlements/" + third + "/statements/" + rosa).then()
                .body("lines.kind", contains("LOT")).body("gross", is(15.00f));
    }

    // rule R7, R8
    @Test
    void eachAgreementIsClampedAtZeroBeforeTheProducersGrossWhichIsDueByTheShortestPaymentTerm() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00").committing("10", "DAY", "10", "1.00")
                .paymentTermDays(15));
        UUID committed = agreementOf(rosa);
        publishAgreement(rosa, UpstreamEvents.terms().basePrice("1.00"));
        UUID group = UUID.randomUUID();
        UpstreamEvents.publish(UpstreamEvents.agreement().id(group).organisation(organisation).buyer(buyer)
                .group(UUID.randomUUID()).from(START).to(END)
                .terms(UpstreamEvents.terms().basePrice("1.00").committing("500", "DAY", "10", "1.00")).activated());
        Feed.await("rosa's and the network's agreements", () -> ((Number) em.createNativeQuery("""
                select count(*) from terms_version v join agreement_ref a on a.id = v.agreement_id
                where a.producer_id = :rosa or a.id = :group""").setParameter("rosa", rosa).setParameter("group", group)
                .getSingleResult()).intValue() == 3);
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "40", Map.of(), "ACCEPTED");
        lot(rosa, group, OCT_1.plusDays(2), "10", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");

        // Nothing delivered on 10 L/day: 135 L short x 1.00 = -135.00, that agreement clamped at 0; the other
        // pays 40.00 and the network's, whose 500 L/day are the network's to meet, 10.00 with no penalty.
        // Due 15 October + the shorter of 15 and 7 days.
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("lines.kind", containsInAnyOrder("SHORTFALL_PENALTY", "LOT", "LOT"))
                .body("lines.find { it.kind == 'SHORTFALL_PENALTY' }.agreementId", is(committed.toString()))
                .body("lines.find { it.kind == 'SHORTFALL_PENALTY' }.amount", is(-135.00f))
                .body("gross", is(50.00f)).body("net", is(50.00f)).body("dueDate", is("2026-10-22"));
    }

    // rule R3, R5, R6, R8
    @Test
    void theTermsInForceOnTheFortnightsLastDaySetTheBonusAndDueDateWhileEachLotKeepsItsOwnPrice() {
        UUID rosa = producerWith(UpstreamEvents.terms().to(OCT_1.plusDays(9)).basePrice("1.00").tier("100", "0.01"));
        UUID agreement = agreementOf(rosa);
        UpstreamEvents.publish(agreement(rosa).id(agreement).revision(2).terms(
                UpstreamEvents.terms().to(OCT_1.plusDays(9)).basePrice("1.00").tier("100", "0.01"),
                UpstreamEvents.terms().from(OCT_1.plusDays(10)).basePrice("1.20").tier("100", "0.02")
                        .paymentTermDays(10))
                .amended());
        Feed.await("version 2", () -> count("select count(*) from terms_version where agreement_id = :id",
                agreement) == 2);
        lot(rosa, agreement, OCT_1.plusDays(1), "150", Map.of(), "ACCEPTED");
        String id = run(OCT_1).getString("id");

        // Judged by version 1: 150 x 1.00 = 150.00; version 2 is in force on 15 October: 150 x 0.02 = 3.00,
        // due 10 days after it.
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("lines.kind", contains("LOT", "VOLUME_BONUS"))
                .body("lines.amount", contains(150.00f, 3.00f)).body("lines[1].detail.version", is(2))
                .body("gross", is(153.00f)).body("dueDate", is("2026-10-25"));
    }

    // rule R9, R10
    @Test
    void instalmentsAreRecoveredOldestFirstWhateverOrderTheChargesWereRecordedIn() {
        UUID rosa = producerWith(UpstreamEvents.terms().basePrice("1.00"));
        lot(rosa, agreementOf(rosa), OCT_1.plusDays(1), "100", Map.of(), "ACCEPTED");
        awaitLots();
        UUID latest = charge(rosa, "60.00", OCT_1.plusDays(2), 1);
        UUID earlier = charge(rosa, "70.00", OCT_1, 1);
        UUID carried = charge(rosa, "20.00", OCT_1.minusDays(11), 2);
        String id = run(OCT_1).getString("id");

        // Due from 16 September first (carried over), then by charge date: 10.00 + 10.00 + 70.00 leave 10.00
        // of the gross 100.00 for the charge of 3 October; 50.00 of it carries over.
        given().get("/api/v1/settlements/" + id + "/statements/" + rosa).then()
                .body("deductions.chargeId", contains(carried.toString(), carried.toString(), earlier.toString(),
                        latest.toString()))
                .body("deductions.instalment", contains(1, 2, 1, 1))
                .body("deductions.applied", contains(10.00f, 10.00f, 70.00f, 10.00f))
                .body("deductions.remaining", contains(0f, 0f, 0f, 50.00f))
                .body("totalDeductions", is(100.00f)).body("net", is(0f));
    }

    // --- the world, fed through Kafka ---

    private final Map<UUID, UUID> agreements = new java.util.HashMap<>();

    /** A producer of the organisation with an individual agreement on these terms, both published. */
    private UUID producerWith(Terms terms) {
        UUID producer = UUID.randomUUID();
        UpstreamEvents.publish(UpstreamEvents.producer().id(producer).organisation(organisation)
                .name("Productora " + producer.toString().substring(0, 4)).registered());
        publishAgreement(producer, terms);
        return producer;
    }

    private UUID agreementOf(UUID producer) {
        return agreements.get(producer);
    }

    private Lot lot(UUID producer, UUID agreement, LocalDate day, String quantity, Map<String, String> readings,
            String verdict) {
        Lot lot = lotState(producer, agreement, day, quantity, readings, verdict);
        UpstreamEvents.publish(lot.recorded());
        lotsSent++;
        return lot;
    }

    private Lot lotState(UUID producer, UUID agreement, LocalDate day, String quantity,
            Map<String, String> readings, String verdict) {
        return UpstreamEvents.lot().organisation(organisation).producer(producer).agreement(agreement)
                .quantity(quantity).deliveredOn(day).readings(readings)
                .judged(verdict, "total_solids 10.9 % bajo el mínimo 11.5");
    }

    // --- the largest figures the publishers' contracts (api-specs/events) allow, which their services enforce

    private static final JsonNode LOT_SCHEMA = EventSchemas.forService("lots-service")
            .schema("lot-payload.schema.json");
    private static final JsonNode CLAUSES = EventSchemas.forService("contracts-service").schema("clauses.schema.json");
    private static final BigDecimal LARGEST_QUANTITY = LOT_SCHEMA.at("/$defs/lot/properties/quantity/maximum")
            .decimalValue();
    private static final BigDecimal LARGEST_BASE_PRICE = CLAUSES.at("/$defs/priceClause/properties/basePrice/maximum")
            .decimalValue();
    private static final BigDecimal LARGEST_ADJUSTMENT = CLAUSES
            .at("/$defs/qualityAdjustment/properties/amountPerUnit/maximum").decimalValue();
    private static final int MOST_ADJUSTMENTS = CLAUSES.at("/$defs/priceClause/properties/qualityAdjustments/maxItems")
            .asInt();

    /** Terms with the largest base price and as many of the largest adjustments as a clause holds. */
    private static Terms dearestTerms() {
        Terms terms = UpstreamEvents.terms().basePrice(LARGEST_BASE_PRICE.toPlainString());
        for (int i = 1; i <= MOST_ADJUSTMENTS; i++) {
            terms.adjustment("p" + i, "0", null, LARGEST_ADJUSTMENT.toPlainString());
        }
        return terms;
    }

    /** Readings that reach every adjustment of {@link #dearestTerms()}. */
    private static Map<String, String> readingsReachingEveryAdjustment() {
        Map<String, String> readings = new java.util.HashMap<>();
        for (int i = 1; i <= MOST_ADJUSTMENTS; i++) {
            readings.put("p" + i, "1");
        }
        return readings;
    }

    private void awaitLots() {
        Feed.awaitLots(em, organisation, lotsSent);
    }

    private UUID charge(UUID producer, String amount, LocalDate date, int instalments) {
        Feed.awaitTermsOf(em, producer);
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(chargeBody(id, producer, amount, date, instalments))
                .post("/api/v1/charges").then().statusCode(201);
        return id;
    }

    private Map<String, Object> chargeBody(UUID id, UUID producer, String amount, LocalDate date, int instalments) {
        return Map.of("id", id, "organisationId", organisation, "producerId", producer, "kind", "FEED",
                "description", "Concentrado lechero 2 sacos", "amount", new java.math.BigDecimal(amount),
                "chargeDate", date.toString(), "instalments", instalments, "by", "Tesorera");
    }

    private void publishAgreement(UUID producer, Terms terms) {
        UUID agreement = UUID.randomUUID();
        agreements.put(producer, agreement);
        UpstreamEvents.publish(agreement(producer).id(agreement).terms(terms).activated());
    }

    /** The producer's individual agreement with the buyer for the year. */
    private AgreementEvents agreement(UUID producer) {
        return UpstreamEvents.agreement().organisation(organisation).buyer(buyer).individual(producer).from(START)
                .to(END);
    }

    private void remit(String litres, String amount) {
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                        "buyerId", buyer, "fortnightStart", "2026-10-01", "product", "milk",
                        "quantityPaid", new java.math.BigDecimal(litres), "unit", "L", "amount",
                        new java.math.BigDecimal(amount),
                        "receivedOn", "2026-10-20", "reference", "TRF-0001"));
        body.put("by", "Tesorera");
        given().contentType(ContentType.JSON).body(body).post("/api/v1/remittances").then().statusCode(201);
    }

    private JsonPath run(LocalDate fortnight) {
        awaitLots();
        return given().contentType(ContentType.JSON).body(Map.of("organisationId", organisation,
                "fortnightStart", fortnight.toString(), "by", "Tesorera"))
                .post("/api/v1/settlements/runs").then().statusCode(200).body("status", is("OPEN"))
                .extract().jsonPath();
    }

    private JsonPath close(String id) {
        return given().contentType(ContentType.JSON).body(Map.of("by", "Tesorera"))
                .post("/api/v1/settlements/" + id + "/closing").then().statusCode(200).body("status", is("CLOSED"))
                .extract().jsonPath();
    }

    private io.restassured.response.Response pay(String id, UUID producer, String day) {
        return given().contentType(ContentType.JSON).body(Map.of("producerId", producer, "paidOn", day,
                "reference", "OP-" + day, "by", "Tesorera")).post("/api/v1/settlements/" + id + "/payouts");
    }
}

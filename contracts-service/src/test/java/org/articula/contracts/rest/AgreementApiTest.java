package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.activeAgreement;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.articula.contracts.support.Fixtures.milkClauses;
import static org.articula.contracts.support.Fixtures.path;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.contracts.service.AgreementService;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.testing.IdenticalRequests;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class AgreementApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");

    static final String PROBLEM = "application/problem+json";
    static final String AGREEMENTS = "/api/v1/agreements";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    @Inject
    AgreementService service;

    UUID processor;
    UUID association;
    UUID network;
    UUID member;

    @BeforeEach
    void laredoNetworkSellingToAProcessor() {
        processor = Fixtures.organisation("Planta Lechera del Norte S.A.C.", "PROCESSOR", null);
        association = Fixtures.organisation("Asociación de Productores Lecheros de Laredo", "ASSOCIATION", null);
        network = Fixtures.organisation("Red Conache", "PRODUCER_GROUP", association);
        member = Fixtures.producer(association, network, dni(), "Rosa Quispe Huamán");
        TestTokens.actAs("Carmen Vásquez", association, TestTokens.STAFF);
    }

    @Test
    void anAgreementLivesFromDraftToTerminationAndEachChangeIsRecordedAndPublishedOnce() {
        Map<String, Object> body = agreement(processor, "PRODUCER", member, TODAY.minusDays(60), TODAY.plusDays(300));
        UUID id = (UUID) body.get("id");
        String created = given().contentType(ContentType.JSON).body(body).post(AGREEMENTS)
                .then().statusCode(201).header("Location", containsString(id.toString()))
                .body("status", is("DRAFT")).body("organisationId", is(association.toString()))
                .body("unit", is("L")).body("versions", hasSize(1))
                .body("versions[0].clauses.assistance.maxInstalments", is(2))
                .body("versions[0].clauses.quality.parameters[1].required", is(true))
                .body("versions[0].clauses.quality.contestWindowHours", is(48))
                .body("versions[0].clauses.quality.untestedDisputeFavoursProducer", is(true))
                .body("periodsInForce", empty())
                .extract().asString();
        String again = given().contentType(ContentType.JSON).body(body).post(AGREEMENTS)
                .then().statusCode(200).extract().asString();
        assertEquals(created, again);

        post(id, "activation", Map.of("by", "Carmen Vásquez")).then().statusCode(200).body("status", is("ACTIVE"));
        post(id, "activation", Map.of("by", "Carmen Vásquez")).then().statusCode(200); // a retry changes nothing
        post(id, "suspension", Map.of("by", "Carmen Vásquez", "effectiveOn", TODAY.minusDays(30).toString(),
                "reason", "leche con antibióticos dos veces")).then().statusCode(200).body("status", is("SUSPENDED"));
        post(id, "suspension", Map.of("by", "Otra Persona")).then().statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:invalid-transition"));
        post(id, "reactivation", Map.of("by", "Carmen Vásquez", "effectiveOn", TODAY.minusDays(20).toString()))
                .then().statusCode(200).body("status", is("ACTIVE"));
        post(id, "termination", Map.of("by", "Carmen Vásquez", "reasonCode", "PRODUCER_LEFT",
                "reason", "vende directo a un acopiador"))
                .then().statusCode(200).body("status", is("TERMINATED"))
                .body("transitions.to", contains("ACTIVE", "SUSPENDED", "ACTIVE", "TERMINATED"))
                .body("transitions[3].reasonCode", is("PRODUCER_LEFT"))
                .body("transitions[3].recordedBy", is("Carmen Vásquez"))
                .body("transitions[3].effectiveOn", is(TODAY.toString()))
                .body("periodsInForce.from", contains(TODAY.minusDays(60).toString(), TODAY.minusDays(20).toString()))
                .body("periodsInForce.to", contains(TODAY.minusDays(31).toString(), TODAY.minusDays(1).toString()));

        for (String step : List.of("activation", "reactivation", "suspension")) {
            post(id, step, Map.of("by", "Carmen Vásquez")).then().statusCode(409).contentType(PROBLEM)
                    .body("type", is("urn:articula:problem:invalid-transition"))
                    .body("detail", containsString("TERMINATED"));
        }
        given().get(AGREEMENTS + "/" + id).then().body("transitions", hasSize(4));

        given().queryParam("date", TODAY.minusDays(25).toString()).get(AGREEMENTS + "/" + id + "/as-of")
                .then().statusCode(200).body("inForce", is(false)).body("version.number", is(1));
        given().queryParam("date", TODAY.minusDays(5).toString()).get(AGREEMENTS + "/" + id + "/as-of")
                .then().body("inForce", is(true));

        List<EventEnvelope> events = envelopes(PUBLISHED.await(id.toString(), 4));
        assertEquals(List.of("AgreementActivated", "AgreementSuspended", "AgreementReactivated", "AgreementTerminated"),
                events.stream().map(EventEnvelope::type).toList());
        EventEnvelope activated = events.get(0);
        assertEquals(association, activated.organisationId());
        assertEquals("1.03", activated.payload().at("/agreement/versions/0/clauses/price/basePrice").decimalValue()
                .toPlainString());
        assertEquals("ACTIVATED", activated.payload().at("/change/kind").asText());
        EventEnvelope terminated = events.get(3);
        assertEquals("PRODUCER_LEFT", terminated.payload().at("/agreement/transitions/3/reasonCode").asText());
        assertEquals(TODAY.toString(), terminated.payload().at("/change/effectiveOn").asText());
    }

    @Test
    void anAmendmentGovernsFromItsEffectiveDateAndTheHistoryAnswersAsOfAnyDay() {
        Map<String, Object> body = agreement(processor, "PRODUCER_GROUP", network, TODAY.minusDays(40),
                TODAY.plusDays(300));
        UUID id = activeAgreement(body);
        long version = given().get(AGREEMENTS + "/" + id).then().extract().jsonPath().getLong("version");

        Map<String, Object> amendment = new HashMap<>(Map.of("id", UUID.randomUUID(), "version", version,
                "effectiveFrom", TODAY.minusDays(10).toString(), "clauses", milkClauses("1.08"),
                "reason", "nuevo precio negociado por la asociación", "by", "Luis Arana"));
        given().contentType(ContentType.JSON).body(amendment).post(AGREEMENTS + "/" + id + "/amendments")
                .then().statusCode(201).body("versions", hasSize(2))
                .body("versions[1].effectiveFrom", is(TODAY.minusDays(10).toString()))
                .body("versions[0].effectiveTo", is(TODAY.minusDays(11).toString()));
        given().contentType(ContentType.JSON).body(amendment).post(AGREEMENTS + "/" + id + "/amendments")
                .then().statusCode(200).body("versions", hasSize(2));

        Map<String, Object> stale = new HashMap<>(amendment);
        stale.put("id", UUID.randomUUID());
        stale.put("effectiveFrom", TODAY.minusDays(5).toString());
        given().contentType(ContentType.JSON).body(stale).post(AGREEMENTS + "/" + id + "/amendments")
                .then().statusCode(409).body("type", is("urn:articula:problem:concurrent-modification"));
        Map<String, Object> backdated = new HashMap<>(amendment);
        backdated.put("id", UUID.randomUUID());
        backdated.put("version", version + 1);
        backdated.put("effectiveFrom", TODAY.minusDays(10).toString());
        given().contentType(ContentType.JSON).body(backdated).post(AGREEMENTS + "/" + id + "/amendments")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("effectiveFrom"));

        String asOf = AGREEMENTS + "/" + id + "/as-of";
        String first = given().queryParam("date", TODAY.minusDays(11).toString()).get(asOf)
                .then().body("inForce", is(true)).body("version.number", is(1))
                .body("version.clauses.price.basePrice", is(1.03f)).extract().asString();
        // Prices at 4 decimals, quantities at 3, percentages at 2, whatever their value.
        assertTrue(first.contains("\"basePrice\":1.0300,"), first);
        assertTrue(first.contains("\"committedQuantity\":60.000,"), first);
        assertTrue(first.contains("\"tolerancePercent\":10.00,"), first);
        given().queryParam("date", TODAY.toString()).get(asOf)
                .then().body("version.number", is(2)).body("version.clauses.price.basePrice", is(1.08f));
        given().queryParam("date", TODAY.minusDays(41).toString()).get(asOf)
                .then().body("inForce", is(false)).body("version", nullValue());

        // A member of the network is covered by the group's agreement; a producer outside it is not.
        String applicable = AGREEMENTS + "/applicable";
        given().queryParams("producerId", member, "product", "milk", "date", TODAY.minusDays(20).toString())
                .get(applicable).then().statusCode(200).body("$", hasSize(1))
                .body("[0].agreementId", is(id.toString())).body("[0].version.number", is(1));
        given().queryParams("producerId", member, "product", "milk", "date", TODAY.toString())
                .get(applicable).then().body("[0].version.number", is(2));
        given().queryParams("producerId", member, "product", "cacao", "date", TODAY.toString())
                .get(applicable).then().body("$", empty());
        UUID outsider = Fixtures.producer(association, null, dni(), "Julio Rodríguez Cruz");
        given().queryParams("producerId", outsider, "product", "milk").get(applicable).then().body("$", empty());

        List<EventEnvelope> events = envelopes(PUBLISHED.await(id.toString(), 2));
        EventEnvelope amended = events.get(1);
        assertEquals("AgreementAmended", amended.type());
        assertEquals(2, amended.payload().at("/change/versionNumber").asInt());
        assertEquals(TODAY.minusDays(10).toString(), amended.payload().at("/change/effectiveFrom").asText());
        assertEquals("1.08", amended.payload().at("/agreement/versions/1/clauses/price/basePrice").decimalValue()
                .toPlainString());
    }

    @Test
    void theSameAgreementActivationOrAmendmentSentEightTimesAtOnceHappensOnceAndIsAnsweredAsARepeat() throws Exception {
        Map<String, Object> body = agreement(processor, "PRODUCER_GROUP", network, TODAY.minusDays(40),
                TODAY.plusDays(300));
        IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(body).post(AGREEMENTS)));
        UUID id = (UUID) body.get("id");
        String activated = IdenticalRequests.assertAllAlike(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(Map.of()).post(AGREEMENTS + "/" + id + "/activation")),
                200);
        assertEquals("ACTIVE", io.restassured.path.json.JsonPath.from(activated).getString("status"));
        long version = given().get(AGREEMENTS + "/" + id).then().extract().jsonPath().getLong("version");

        Map<String, Object> amendment = Map.of("id", UUID.randomUUID(), "version", version,
                "effectiveFrom", TODAY.minusDays(10).toString(), "clauses", milkClauses("1.08"),
                "reason", "nuevo precio negociado por la asociación");
        String answer = IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(amendment)
                        .post(AGREEMENTS + "/" + id + "/amendments")));
        assertEquals(2, io.restassured.path.json.JsonPath.from(answer).getList("versions").size());
    }

    @Test
    void invalidAgreementsAreRefusedFieldByFieldAndNothingIsStored() {
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> minAboveMax = base();
        param(minAboveMax, 0).put("max", 10.5);
        cases.put("clauses.quality.parameters[0].min", minAboveMax);
        Map<String, Object> negativePrice = base();
        path(negativePrice, "clauses", "price").put("basePrice", -1.03);
        cases.put("clauses.price.basePrice", negativePrice);
        Map<String, Object> tooManyDecimals = base();
        path(tooManyDecimals, "clauses", "price").put("basePrice", new java.math.BigDecimal("1.03125"));
        cases.put("clauses.price.basePrice ", tooManyDecimals);
        Map<String, Object> tooMuchCommitted = base();
        path(tooMuchCommitted, "clauses", "quantity").put("committedQuantity", 10_000_000);
        cases.put("clauses.quantity.committedQuantity", tooMuchCommitted);
        Map<String, Object> unknownParameter = base();
        adjustment(unknownParameter).put("parameter", "fat");
        cases.put("clauses.price.qualityAdjustments[0].parameter", unknownParameter);
        Map<String, Object> booleanAdjusted = base();
        adjustment(booleanAdjusted).put("parameter", "antibiotics");
        cases.put("clauses.price.qualityAdjustments[0].parameter ", booleanAdjusted);
        Map<String, Object> booleanWithoutPass = base();
        param(booleanWithoutPass, 2).remove("passValue");
        cases.put("clauses.quality.parameters[2].passValue", booleanWithoutPass);
        Map<String, Object> noContestWindow = base();
        path(noContestWindow, "clauses", "quality").put("contestWindowHours", 0);
        cases.put("clauses.quality.contestWindowHours", noContestWindow);
        Map<String, Object> contestWindowOverAMonth = base();
        path(contestWindowOverAMonth, "clauses", "quality").put("contestWindowHours", 721);
        cases.put("clauses.quality.contestWindowHours ", contestWindowOverAMonth);
        Map<String, Object> endsBeforeStart = base();
        endsBeforeStart.put("endDate", TODAY.minusDays(1).toString());
        cases.put("endDate", endsBeforeStart);
        Map<String, Object> unknownProduct = base();
        unknownProduct.put("product", "alpaca_fibre");
        cases.put("product", unknownProduct);
        Map<String, Object> bonusWithoutAmount = base();
        path(bonusWithoutAmount, "clauses").put("incentives", Map.of("rules", List.of(
                Map.of("kind", "ACCEPTANCE_BONUS", "consecutiveFortnights", 2, "minAcceptancePercent", 95))));
        cases.put("clauses.incentives.rules[0].bonusPerUnit", bonusWithoutAmount);
        Map<String, Object> sanctionWithoutAction = base();
        path(sanctionWithoutAction, "clauses").put("incentives", Map.of("rules", List.of(
                Map.of("kind", "UNDER_COMMITMENT", "consecutiveFortnights", 3))));
        cases.put("clauses.incentives.rules[0].action", sanctionWithoutAction);
        Map<String, Object> streakTooLong = base();
        path(streakTooLong, "clauses").put("incentives", Map.of("rules", List.of(
                Map.of("kind", "UNDER_COMMITMENT", "consecutiveFortnights", 7, "action", "WARNING"))));
        cases.put("clauses.incentives.rules[0].consecutiveFortnights", streakTooLong);
        Map<String, Object> groupOfNobody = base();
        groupOfNobody.put("counterparty", Map.of("type", "PRODUCER_GROUP", "id", UUID.randomUUID()));
        cases.put("counterparty.id", groupOfNobody);

        cases.forEach((field, body) -> {
            given().contentType(ContentType.JSON).body(body).post(AGREEMENTS)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", is("urn:articula:problem:validation"))
                    .body("violations.field", hasItem(field.strip()));
            given().get(AGREEMENTS + "/" + body.get("id")).then().statusCode(404).contentType(PROBLEM);
        });
        given().queryParam("producerId", member).get(AGREEMENTS).then().statusCode(200).body("$", empty());
    }

    @Test
    void incentiveAndSanctionRulesAreClausesOfTheVersionWrittenOutInFull() {
        Map<String, Object> body = agreement(processor, "PRODUCER", member, TODAY.minusDays(60), TODAY.plusDays(300));
        path(body, "clauses").put("incentives", Map.of("rules", List.of(
                Map.of("kind", "ACCEPTANCE_BONUS", "consecutiveFortnights", 2, "minAcceptancePercent", 95,
                        "bonusPerUnit", 0.02),
                Map.of("kind", "UNDER_COMMITMENT", "consecutiveFortnights", 3, "action", "SUSPENSION_PROPOSED"))));
        given().contentType(ContentType.JSON).body(body).post(AGREEMENTS).then().statusCode(201)
                .body("versions[0].clauses.incentives.rules.kind", contains("ACCEPTANCE_BONUS", "UNDER_COMMITMENT"))
                .body("versions[0].clauses.incentives.rules[0].bonusPerUnit", is(0.02f))
                .body("versions[0].clauses.incentives.rules[1].action", is("SUSPENSION_PROPOSED"));
        Map<String, Object> without = agreement(processor, "PRODUCER", member, TODAY.plusDays(301),
                TODAY.plusDays(400));
        given().contentType(ContentType.JSON).body(without).post(AGREEMENTS).then().statusCode(201)
                .body("versions[0].clauses.incentives.rules", empty());
    }

    @Test
    void aProducerCannotHoldTwoActiveAgreementsWithTheSameBuyerForTheSameProductAndDays() {
        UUID first = activeAgreement(
                agreement(processor, "PRODUCER", member, TODAY.minusDays(10), TODAY.plusDays(170)));

        Map<String, Object> overlapping = agreement(processor, "PRODUCER", member, TODAY.plusDays(100),
                TODAY.plusDays(400));
        given().contentType(ContentType.JSON).body(overlapping).post(AGREEMENTS).then().statusCode(201);
        post((UUID) overlapping.get("id"), "activation", Map.of("by", "Carmen Vásquez"))
                .then().statusCode(409).contentType(PROBLEM)
                .body("violations[0].field", is("counterparty.id"))
                .body("detail", containsString(first.toString()));
        given().get(AGREEMENTS + "/" + overlapping.get("id")).then().body("status", is("DRAFT"))
                .body("transitions", empty());

        // Through the producer's network it is the same producer.
        Map<String, Object> viaNetwork = agreement(processor, "PRODUCER_GROUP", network, TODAY, TODAY.plusDays(30));
        given().contentType(ContentType.JSON).body(viaNetwork).post(AGREEMENTS).then().statusCode(201);
        post((UUID) viaNetwork.get("id"), "activation", Map.of("by", "Carmen Vásquez")).then().statusCode(409);

        // Another buyer, or days that do not overlap, are fine.
        UUID collector = Fixtures.organisation("Acopiadora Santa Rosa", "COLLECTOR", null);
        activeAgreement(agreement(collector, "PRODUCER", member, TODAY, TODAY.plusDays(30)));
        activeAgreement(agreement(processor, "PRODUCER", member, TODAY.plusDays(171), TODAY.plusDays(400)));

        // Once the first one ends, the overlapping one can be signed.
        post(first, "termination", Map.of("by", "Carmen Vásquez", "reasonCode", "MUTUAL")).then().statusCode(200);
        given().get(AGREEMENTS + "/" + overlapping.get("id")).then().body("status", is("DRAFT"));
        PUBLISHED.await(overlapping.get("id").toString(), 0);
    }

    @Test
    void aDraftIsEditedWithItsVersionAndASignedAgreementOnlyByAmendment() {
        Map<String, Object> body = agreement(processor, "PRODUCER", member, TODAY, TODAY.plusDays(180));
        UUID id = (UUID) body.get("id");
        given().contentType(ContentType.JSON).body(body).post(AGREEMENTS).then().statusCode(201);
        Map<String, Object> redraft = new HashMap<>(Map.of("version", 0, "startDate", TODAY.plusDays(1).toString(),
                "endDate", TODAY.plusDays(365).toString(), "clauses", milkClauses("1.05"), "by", "Luis Arana"));
        given().contentType(ContentType.JSON).body(redraft).put(AGREEMENTS + "/" + id)
                .then().statusCode(200).body("versions", hasSize(1))
                .body("versions[0].effectiveFrom", is(TODAY.plusDays(1).toString()))
                .body("versions[0].clauses.price.basePrice", is(1.05f));
        given().contentType(ContentType.JSON).body(redraft).put(AGREEMENTS + "/" + id)
                .then().statusCode(409).body("type", is("urn:articula:problem:concurrent-modification"));

        Map<String, Object> amendment = Map.of("id", UUID.randomUUID(), "version", 1,
                "effectiveFrom", TODAY.plusDays(30).toString(), "clauses", milkClauses("1.10"),
                "reason", "precio", "by", "Luis Arana");
        given().contentType(ContentType.JSON).body(amendment).post(AGREEMENTS + "/" + id + "/amendments")
                .then().statusCode(409).body("type", is("urn:articula:problem:invalid-transition"));

        post(id, "activation", Map.of("by", "Luis Arana")).then().statusCode(200);
        redraft.put("version", 2);
        given().contentType(ContentType.JSON).body(redraft).put(AGREEMENTS + "/" + id)
                .then().statusCode(409).body("type", is("urn:articula:problem:invalid-transition"));
    }

    @Test
    void anAgreementPastItsLastDayExpiresOnceAndStopsBinding() {
        UUID id = activeAgreement(agreement(processor, "PRODUCER", member, TODAY.minusDays(30), TODAY));
        int expired = service.expireDue(TODAY.plusDays(1), 1000);
        assertTrue(expired >= 1, "expired " + expired);
        service.expireDue(TODAY.plusDays(1), 1000);

        given().get(AGREEMENTS + "/" + id).then().body("status", is("EXPIRED"))
                .body("transitions[1].effectiveOn", is(TODAY.plusDays(1).toString()))
                .body("transitions[1].recordedBy", is("sistema"))
                .body("periodsInForce.to", contains(TODAY.toString()));
        post(id, "reactivation", Map.of("by", "Carmen Vásquez")).then().statusCode(409);
        List<EventEnvelope> events = envelopes(PUBLISHED.await(id.toString(), 2));
        assertEquals("AgreementExpired", events.get(1).type());
    }

    @Test
    void anAgreementWhoseValidityAlreadyEndedCannotBeActivated() {
        Map<String, Object> body = agreement(processor, "PRODUCER", member, TODAY.minusDays(60), TODAY.minusDays(1));
        given().contentType(ContentType.JSON).body(body).post(AGREEMENTS).then().statusCode(201);
        post((UUID) body.get("id"), "activation", Map.of("by", "Carmen Vásquez"))
                .then().statusCode(400).body("violations[0].field", is("endDate"));
    }

    private Map<String, Object> base() {
        return agreement(processor, "PRODUCER", member, TODAY, TODAY.plusDays(180));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> param(Map<String, Object> body, int index) {
        return ((List<Map<String, Object>>) path(body, "clauses", "quality").get("parameters")).get(index);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> adjustment(Map<String, Object> body) {
        return ((List<Map<String, Object>>) path(body, "clauses", "price").get("qualityAdjustments")).get(0);
    }

    private static io.restassured.response.Response post(UUID id, String step, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(AGREEMENTS + "/" + id + "/" + step);
    }

    private static List<EventEnvelope> envelopes(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }
}

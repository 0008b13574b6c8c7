package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.repository.DisputeRepository;
import org.articula.lots.service.DisputeService;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Disputes of rejected lots against real PostgreSQL and Kafka: Rosa's milk is rejected for low solids at the
 * association's centre; she contests it and the counter-sample's re-test (or its deadline) decides.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class DisputeApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("lots.events", "lots-service");
    static final String PROBLEM = "application/problem+json";
    static final String LOTS = "/api/v1/lots";
    static final String DISPUTES = "/api/v1/disputes";
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate TODAY = LocalDate.now(LIMA);
    static final List<QualityParameter> MILK_QUALITY = ContractsFeed.MILK_QUALITY;

    @Inject
    DisputeService disputes;
    @Inject
    DisputeRepository disputeRepository;
    @Inject
    EntityManager em;

    UUID association = UUID.randomUUID();
    UUID network = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID pedro = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();
    /** When the laboratory re-tested the counter-sample: after each delivery (five minutes ago), before now. */
    Instant tested = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    /** Rosa sells under her network's agreement (disputes untested go her way); Pedro alone, where they do not. */
    @BeforeEach
    void laredoCentreWithTwoMilkAgreements() {
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).group(network).registered(),
                UpstreamEvents.producer().id(pedro).organisation(association).registered(),
                ContractsFeed.milkAgreement(association).group(network).quality(MILK_QUALITY).activated(),
                ContractsFeed.milkAgreement(association).individual(pedro).quality(MILK_QUALITY).disputes(24, false)
                        .activated());
        TestTokens.actAs("Julia Ramos", association, TestTokens.STAFF);
        Centres.open(association, centre, "Centro de acopio Santa Rosa", operator, "Julia Ramos");
    }

    @Test
    void aContestedLotReTestedAndOverturnedIsAcceptedAsANewRevisionAndPublishedForPayment() {
        UUID lot = rejectedLot(rosa);
        UUID id = UUID.randomUUID();
        Map<String, Object> request = Map.of("id", id, "reason", "La muestra se tomó de un bidón sin agitar");
        String opened = given().header(producer(rosa)).contentType(ContentType.JSON).body(request)
                .post(LOTS + "/" + lot + "/disputes").then().statusCode(201)
                .header("Location", containsString(DISPUTES + "/" + id)).body("status", is("OPEN"))
                .body("lotRevision", is(1)).body("openedBy", is("Rosa")).body("untestedFavoursProducer", is(true))
                .body("retest", nullValue()).extract().asString();
        String again = given().header(producer(rosa)).contentType(ContentType.JSON).body(request)
                .post(LOTS + "/" + lot + "/disputes").then().statusCode(200).extract().asString();
        assertEquals(opened, again);

        given().contentType(ContentType.JSON).body(retest("11.9")).post(DISPUTES + "/" + id + "/retest").then()
                .statusCode(200).body("status", is("OVERTURNED")).body("decision", is("RETEST"))
                .body("retest.testedBy", is("Laboratorio de la UNT")).body("retest.verdict", is("ACCEPTED"));
        given().contentType(ContentType.JSON).body(retest("11.9")).post(DISPUTES + "/" + id + "/retest").then()
                .statusCode(200).body("status", is("OVERTURNED")); // the same re-test again changes nothing
        given().contentType(ContentType.JSON).body(retest("12.5")).post(DISPUTES + "/" + id + "/retest").then()
                .statusCode(409).contentType(PROBLEM).body("type", is("urn:articula:problem:dispute-decided"));

        given().get(LOTS + "/" + lot).then().body("revision", is(2)).body("verdict", is("ACCEPTED"))
                .body("reasons", empty()).body("readings[0].value", is(11.9f));
        given().get(LOTS + "/" + lot + "/history").then().body("kind", contains("RECORDED", "CORRECTED"))
                .body("[1].reason", startsWith("Contramuestra analizada por Laboratorio de la UNT"));

        List<ConsumerRecord<String, byte[]>> lotEvents = PUBLISHED.await(lot.toString(), 2);
        JsonNode corrected = EventJson.read(lotEvents.get(1).value()).payload();
        assertEquals("LotCorrected", EventJson.read(lotEvents.get(1).value()).type());
        assertEquals(rosa.toString(), lotEvents.get(1).key());
        assertEquals("ACCEPTED", corrected.at("/lot/verdict").asText());
        assertEquals(2, corrected.at("/lot/revision").asInt());
        assertEquals("REJECTED", corrected.at("/previous/verdict").asText());
        assertEquals(id.toString(), corrected.path("disputeId").asText()); // told to the producer by DisputeDecided
        List<ConsumerRecord<String, byte[]>> disputeEvents = PUBLISHED.await(id.toString(), 2);
        assertEquals(List.of("DisputeOpened", "DisputeDecided"),
                disputeEvents.stream().map(r -> EventJson.read(r.value()).type()).toList());

        given().queryParams("from", TODAY.toString(), "to", TODAY.toString(), "groupBy", "centre")
                .get(LOTS + "/rejection-rates").then().body("[0].lots", is(1)).body("[0].rejected", is(0))
                .body("[0].overturned", is(1));
        given().header(TestTokens.as(association, Roles.AUDITOR)).queryParams("resourceType", "Dispute",
                "resourceId", id.toString()).get("/api/v1/audit").then().body("action", contains("OPENED", "DECIDED"));
        given().header(TestTokens.as(association, Roles.AUDITOR)).queryParams("resourceType", "Lot",
                "resourceId", lot.toString()).get("/api/v1/audit").then().body("action", hasItems("CORRECTED"));
    }

    @Test
    void anUpheldDisputeLeavesTheLotAsItWasAndMovesNoMoney() {
        UUID lot = rejectedLot(rosa);
        UUID id = contest(lot, producer(rosa));
        given().contentType(ContentType.JSON).body(retest("11.2")).post(DISPUTES + "/" + id + "/retest").then()
                .statusCode(200).body("status", is("UPHELD")).body("retest.verdict", is("REJECTED"))
                .body("retest.reasons[0].code", is("BELOW_MIN"));
        given().get(LOTS + "/" + lot).then().body("revision", is(1)).body("verdict", is("REJECTED"));
        PUBLISHED.await(lot.toString(), 1); // LotRecorded only: nothing for payments to price again
        given().queryParams("status", "UPHELD", "producerId", rosa).get(DISPUTES).then().statusCode(200)
                .body("id", contains(id.toString()));
    }

    @Test
    void aContestAfterTheWindowOrOfAnAcceptedLotIsRefusedSayingWhyAndStoresNothing() {
        UUID late = rejectedLot(rosa);
        Instant recorded = Instant.now().minusSeconds(49 * 3600);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update lot set recorded_at = :at where id = :id")
                        .setParameter("at", recorded).setParameter("id", late).executeUpdate());
        UUID id = UUID.randomUUID();
        given().header(producer(rosa)).contentType(ContentType.JSON).body(Map.of("id", id, "reason", "tarde"))
                .post(LOTS + "/" + late + "/disputes").then().statusCode(422).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:contest-window-closed"))
                .body("detail", startsWith("El plazo para impugnar venció el "))
                .body("detail", containsString("(48 h desde el registro del lote"));
        given().get(DISPUTES + "/" + id).then().statusCode(404).contentType(PROBLEM);

        UUID accepted = lot(rosa, "12.0");
        given().contentType(ContentType.JSON).body(Map.of("id", id, "reason", "por si acaso"))
                .post(LOTS + "/" + accepted + "/disputes").then().statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:lot-not-rejected"));
        UUID twice = rejectedLot(rosa);
        contest(twice, producer(rosa));
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "reason", "otra vez"))
                .post(LOTS + "/" + twice + "/disputes").then().statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:lot-already-contested"));
    }

    @Test
    void anUntestedDisputeIsDecidedAtItsDeadlineAsEachClauseSays() {
        UUID rosasLot = rejectedLot(rosa);
        UUID pedrosLot = rejectedLot(pedro);
        UUID forRosa = contest(rosasLot, producer(rosa));
        UUID againstPedro = contest(pedrosLot, producer(pedro));
        given().get(DISPUTES + "/" + againstPedro).then().body("untestedFavoursProducer", is(false));
        Instant rosasDeadline = Instant.parse(given().get(DISPUTES + "/" + forRosa).then().extract().path("deadline"));

        disputes.decideOverdue(rosasDeadline.minusSeconds(1), 200);
        given().get(DISPUTES + "/" + forRosa).then().body("status", is("OPEN"));
        disputes.decideOverdue(rosasDeadline, 200); // Pedro's clause gives 24 h, Rosa's the default 48
        disputes.decideOverdue(rosasDeadline, 200); // again: decides nothing twice

        given().get(DISPUTES + "/" + forRosa).then().body("status", is("OVERTURNED")).body("decision", is("DEADLINE"))
                .body("decidedBy", is("sistema")).body("retest", nullValue());
        given().get(LOTS + "/" + rosasLot).then().body("revision", is(2)).body("verdict", is("ACCEPTED"))
                .body("reasons", empty()).body("readings[0].value", is(11.2f)); // as delivered
        given().get(DISPUTES + "/" + againstPedro).then().body("status", is("UPHELD")).body("decision", is("DEADLINE"));
        given().get(LOTS + "/" + pedrosLot).then().body("revision", is(1)).body("verdict", is("REJECTED"));
        PUBLISHED.await(rosasLot.toString(), 2);
        PUBLISHED.await(pedrosLot.toString(), 1);
        PUBLISHED.await(forRosa.toString(), 2);
    }

    @Test
    void aProducerContestsAndSeesOnlyTheirOwnAndAnotherOrganisationSeesNothing() {
        UUID pedrosLot = rejectedLot(pedro);
        given().header(producer(rosa)).contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(),
                "reason", "no es mío")).post(LOTS + "/" + pedrosLot + "/disputes").then().statusCode(404)
                .contentType(PROBLEM);
        UUID id = contest(pedrosLot, producer(pedro));
        given().header(producer(rosa)).get(DISPUTES + "/" + id).then().statusCode(404);
        given().header(producer(rosa)).get(DISPUTES).then().statusCode(200).body("$", empty());
        given().header(producer(rosa)).queryParam("producerId", pedro).get(DISPUTES).then().statusCode(404);
        given().header(producer(pedro)).get(DISPUTES).then().body("id", contains(id.toString()));
        given().header(producer(pedro)).contentType(ContentType.JSON).body(retest("12.0"))
                .post(DISPUTES + "/" + id + "/retest").then().statusCode(403); // the centre records re-tests
        UUID other = UUID.randomUUID();
        given().header(TestTokens.as(other, Roles.BUYER_ADMIN)).get(DISPUTES + "/" + id).then().statusCode(404);
        given().header(TestTokens.as(other, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON).body(retest("12.0"))
                .post(DISPUTES + "/" + id + "/retest").then().statusCode(404);
        given().header(TestTokens.as(other, Roles.BUYER_ADMIN)).queryParam("organisationId", association).get(DISPUTES)
                .then().statusCode(404);
        given().get(DISPUTES + "/" + id).then().body("status", is("OPEN"));
    }

    private UUID contest(UUID lot, Header as) {
        UUID id = UUID.randomUUID();
        given().header(as).contentType(ContentType.JSON).body(Map.of("id", id, "reason", "la muestra se calentó"))
                .post(LOTS + "/" + lot + "/disputes").then().statusCode(201);
        return id;
    }

    private Header producer(UUID producer) {
        String name = producer.equals(rosa) ? "Rosa" : "Pedro";
        return TestTokens
                .as(TestTokens.sign(Tokens.Claims.of(name, association, Roles.PRODUCER).withProducer(producer)));
    }

    /** Total solids 11.2 %, under the 11.5 % minimum. */
    private UUID rejectedLot(UUID producer) {
        return lot(producer, "11.2");
    }

    private UUID lot(UUID producer, String solids) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator,
                "producerId", producer, "product", "milk", "quantity", new BigDecimal("18.5"), "unit", "L",
                "deliveredAt", LimaDays.earlierOn(TODAY).toString(), "readings", readings(solids)));
        given().header(TestTokens.as(association, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON).body(body)
                .post(LOTS).then().statusCode(201);
        return id;
    }

    private Map<String, Object> retest(String solids) {
        return Map.of("testedBy", "Laboratorio de la UNT", "testedAt", tested.toString(),
                "readings", readings(solids));
    }

    private static List<Map<String, Object>> readings(String solids) {
        return new ArrayList<>(List.of(Map.of("parameter", "total_solids", "value", new BigDecimal(solids)),
                Map.of("parameter", "temperature", "value", new BigDecimal("6.5")),
                Map.of("parameter", "antibiotics", "result", false)));
    }
}

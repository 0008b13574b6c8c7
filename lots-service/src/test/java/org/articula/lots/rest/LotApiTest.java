package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.upstream.QualityParameter.numeric;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.IdenticalRequests;
import org.articula.localstack.testing.IdenticalRequests.Answer;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.events.EventJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class LotApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("lots.events", "lots-service");

    static final String PROBLEM = "application/problem+json";
    static final String LOTS = "/api/v1/lots";
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate TODAY = LocalDate.now(LIMA);
    static final List<QualityParameter> MILK_QUALITY = ContractsFeed.MILK_QUALITY;

    @Inject
    AgreementTermsRepository agreements;
    @Inject
    ProducerRefRepository producers;
    @Inject
    LotRepository lots;

    UUID association = UUID.randomUUID();
    UUID processor = UUID.randomUUID();
    UUID network = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID milkAgreement = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();

    /** Rosa delivers milk under her network's agreement with a processor, at the association's centre. */
    @BeforeEach
    void laredoCentreWithAMilkAgreement() {
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).group(network).registered(),
                ContractsFeed.milkAgreement(association).id(milkAgreement).buyer(processor).group(network)
                        .quality(MILK_QUALITY).activated());
        TestTokens.actAs("Julia Ramos", association, TestTokens.STAFF);
        Centres.open(association, centre, "Centro de acopio Santa Rosa", operator, "Julia Ramos");
    }

    @Test
    void milkWithinEveryLimitIsAcceptedAndEachFailedParameterIsAReason() {
        UUID good = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(good, "18.5", "11.8", "6.5", false)).post(LOTS)
                .then().statusCode(201).header("Location", containsString(good.toString()))
                .body("verdict", is("ACCEPTED")).body("reasons", empty())
                .body("agreementId", is(milkAgreement.toString())).body("agreementVersion", is(1))
                .body("organisationId", is(association.toString())).body("deliveryDate", is(TODAY.toString()));

        UUID bad = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(bad, "20", "10.9", "14.2", true)).post(LOTS)
                .then().statusCode(201).body("verdict", is("REJECTED"))
                .body("reasons.code", contains("BELOW_MIN", "ABOVE_MAX", "FAILED_TEST"))
                .body("reasons.parameter", contains("total_solids", "temperature", "antibiotics"))
                .body("reasons[0].message", containsString("10.9"));

        Map<String, Object> untested = milk(UUID.randomUUID(), "15", "12.1", "7", false);
        readings(untested).remove(2);
        given().contentType(ContentType.JSON).body(untested).post(LOTS)
                .then().statusCode(201).body("verdict", is("REJECTED"))
                .body("reasons.code", contains("MISSING_READING")).body("reasons[0].parameter", is("antibiotics"));

        List<ConsumerRecord<String, byte[]>> events = PUBLISHED.await(bad.toString(), 1);
        assertEquals(rosa.toString(), events.get(0).key());
        JsonNode lot = EventJson.read(events.get(0).value()).payload().path("lot");
        assertEquals("REJECTED", lot.path("verdict").asText());
        assertEquals("10.9", lot.at("/readings/0/value").decimalValue().toPlainString());
    }

    @Test
    void quantitiesAndReadingsAreAnsweredAtTheirFixedScaleWhateverTheirValue() {
        String receipt = given().contentType(ContentType.JSON)
                .body(milk(UUID.randomUUID(), "150", "11.8", "6.5", false))
                .post(LOTS).then().statusCode(201).body("verdict", is("ACCEPTED")).extract().asString();
        assertTrue(receipt.contains("\"quantity\":150.000,"), receipt);
        assertTrue(receipt.contains("\"value\":11.8000,"), receipt);
        String sheet = given().queryParam("producerId", rosa).queryParam("from", TODAY.toString())
                .queryParam("to", TODAY.toString()).get(LOTS).then().statusCode(200).extract().asString();
        assertTrue(sheet.contains("\"lots\":1,\"quantity\":150.000}"), sheet); // the total
    }

    @Test
    void troutIsJudgedByItsOwnAgreement() {
        UUID pond = UUID.randomUUID();
        UUID exporter = UUID.randomUUID();
        UUID troutAgreement = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(pond).organisation(exporter)
                .name("Empresa Municipal de Acoria").registered(),
                UpstreamEvents.agreement().id(troutAgreement)
                        .organisation(exporter).buyer(exporter).individual(pond).product("trout", "kg")
                        .from(TODAY.minusDays(60)).to(TODAY.plusDays(300))
                        .quality(numeric("weight_g", "g", "250", "400"), numeric("size_cm", "cm", "25", "32"))
                        .activated());
        // The exporter's own operator records them at its plant: a centre records lots only under agreements
        // its organisation is party to.
        centre = UUID.randomUUID();
        operator = UUID.randomUUID();
        TestTokens.actAs("Operador de planta", exporter, TestTokens.STAFF);
        given().contentType(ContentType.JSON).body(Map.of("id", centre, "organisationId", exporter,
                "name", "Planta de Huancayo", "district", "Huancayo")).post("/api/v1/collection-centres")
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("id", operator, "name", "Marco Quispe"))
                .post("/api/v1/collection-centres/" + centre + "/operators").then().statusCode(201);

        Map<String, Object> fish = lot(UUID.randomUUID(), pond, "trout", "120.5", "kg",
                List.of(reading("weight_g", "310"), reading("size_cm", "28")));
        given().contentType(ContentType.JSON).body(fish).post(LOTS).then().statusCode(201).body("verdict",
                is("ACCEPTED"));
        Map<String, Object> small = lot(UUID.randomUUID(), pond, "trout", "80", "kg",
                List.of(reading("weight_g", "230"), reading("size_cm", "24.5")));
        given().contentType(ContentType.JSON).body(small).post(LOTS).then().statusCode(201)
                .body("verdict", is("REJECTED")).body("reasons.code", contains("BELOW_MIN", "BELOW_MIN"));
        Map<String, Object> inLitres = lot(UUID.randomUUID(), pond, "trout", "80", "L",
                List.of(reading("weight_g", "300")));
        given().contentType(ContentType.JSON).body(inLitres).post(LOTS).then().statusCode(400)
                .body("violations[0].field", is("unit"));
    }

    @Test
    void aLotWithoutAnAgreementInForceIsRefusedAndNotStored() {
        UUID cacao = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(lot(cacao, rosa, "cacao", "40", "kg", List.of())).post(LOTS)
                .then().statusCode(422).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:no-agreement-in-force"))
                .body("detail", containsString("no tiene un acuerdo vigente para cacao"));
        UUID beforeStart = UUID.randomUUID();
        Map<String, Object> early = milk(beforeStart, "10", "11.8", "6", false);
        early.put("deliveredAt", TODAY.minusDays(31).atTime(6, 0).atZone(LIMA).toInstant().toString());
        given().contentType(ContentType.JSON).body(early).post(LOTS).then().statusCode(422);
        UUID stranger = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(lot(stranger, UUID.randomUUID(), "milk", "10", "L", List.of()))
                .post(LOTS).then().statusCode(422).body("violations[0].field", is("producerId"))
                .body("type", is("urn:articula:problem:unknown-producer"));
        for (UUID id : List.of(cacao, beforeStart, stranger)) {
            given().get(LOTS + "/" + id).then().statusCode(404);
        }
    }

    @Test
    void theSameLotSentTwiceIsStoredOnceWithTheSameReceipt() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = milk(id, "18.5", "11.8", "6.5", false);
        String first = given().contentType(ContentType.JSON).body(body).post(LOTS).then().statusCode(201)
                .extract().asString();
        String again = given().contentType(ContentType.JSON).body(body).post(LOTS).then().statusCode(200)
                .extract().asString();
        assertEquals(first, again);
        Map<String, Object> other = milk(id, "19", "11.8", "6.5", false);
        given().contentType(ContentType.JSON).body(other).post(LOTS).then().statusCode(409).contentType(PROBLEM);
        PUBLISHED.await(id.toString(), 1);
    }

    @Test
    void theSameLotSentEightTimesAtOnceIsStoredOnceAndEveryAnswerIsTheReceipt() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = milk(id, "18.5", "11.8", "6.5", false);
        List<Answer> answers = IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(body).post(LOTS));
        String receipt = IdenticalRequests.assertOneCreatedTheRestRepeats(answers);
        assertEquals(receipt, given().contentType(ContentType.JSON).body(body).post(LOTS).then().statusCode(200)
                .extract().asString());
        assertEquals(1, lots.count("id", id));
        given().get(LOTS + "/" + id + "/history").then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void theSameBatchSentEightTimesAtOnceStoresEachLotOnceAndAnswersItAsAReplayWould() throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(milk(UUID.randomUUID(), "18.5", i % 2 == 0 ? "11.8" : "10.7", "6.5", false));
        }
        batch.add(lot(UUID.randomUUID(), rosa, "cacao", "40", "kg", List.of()));
        Map<String, Object> body = Map.of("lots", batch);
        List<Answer> answers = IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(body).post(LOTS + "/batch"));

        assertEquals(List.of(200), answers.stream().map(Answer::status).distinct().toList(), answers::toString);
        List<JsonNode> results = new ArrayList<>();
        for (Answer answer : answers) {
            results.add(EventJson.mapper().readTree(answer.body()).path("results"));
        }
        for (int i = 0; i < batch.size() - 1; i++) {
            int lot = i;
            List<String> outcomes = results.stream().map(r -> r.path(lot).path("outcome").asText()).sorted().toList();
            List<String> oneCreated = new ArrayList<>(java.util.Collections.nCopies(7, "UNCHANGED"));
            oneCreated.add(0, "CREATED");
            assertEquals(oneCreated, outcomes, "lot " + i);
            assertEquals(1, results.stream().map(r -> r.path(lot).path("receipt").toString()).distinct().count(),
                    "the same receipt in every answer for lot " + i);
            assertEquals(1, lots.count("id", UUID.fromString(batch.get(i).get("id").toString())));
        }
        assertEquals(List.of("REFUSED"), results.stream().map(r -> r.path(batch.size() - 1).path("outcome").asText())
                .distinct().toList());
        given().contentType(ContentType.JSON).body(body).post(LOTS + "/batch").then().statusCode(200)
                .body("created", is(0)).body("unchanged", is(20)).body("refused", is(1));
    }

    @Test
    void batchesOfTheSameLotsInOppositeOrdersSentAtOnceStoreEachLotOnceAndRefuseNone() throws Exception {
        List<Map<String, Object>> lotsInOrder = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lotsInOrder.add(milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false));
        }
        List<Map<String, Object>> reversed = new ArrayList<>(lotsInOrder);
        java.util.Collections.reverse(reversed);
        java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
        List<Answer> answers = IdenticalRequests.sendAtOnce(6, () -> given().contentType(ContentType.JSON)
                .body(Map.of("lots", sent.getAndIncrement() % 2 == 0 ? lotsInOrder : reversed)).post(LOTS + "/batch"));

        assertEquals(List.of(200), answers.stream().map(Answer::status).distinct().toList(), answers::toString);
        int created = 0;
        for (Answer answer : answers) {
            JsonNode result = EventJson.mapper().readTree(answer.body());
            assertEquals(0, result.path("refused").asInt(), answer::body);
            created += result.path("created").asInt();
        }
        assertEquals(30, created);
        for (Map<String, Object> lot : lotsInOrder) {
            assertEquals(1, lots.count("id", lot.get("id")));
        }
    }

    @Test
    void aBatchStoresTheGoodLotsReportsTheBadOnesAndReplayingItChangesNothing() {
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false));
        batch.add(milk(UUID.randomUUID(), "12", "10.7", "6.5", false));
        Map<String, Object> negative = milk(UUID.randomUUID(), "-3", "11.8", "6.5", false);
        batch.add(negative);
        batch.add(lot(UUID.randomUUID(), rosa, "cacao", "40", "kg", List.of()));
        batch.add(milk(UUID.randomUUID(), "9.5", "12.4", "5", false));
        Map<String, Object> body = Map.of("lots", batch);

        given().contentType(ContentType.JSON).body(body).post(LOTS + "/batch").then().statusCode(200)
                .body("total", is(5)).body("created", is(3)).body("unchanged", is(0)).body("refused", is(2))
                .body("results.outcome", contains("CREATED", "CREATED", "REFUSED", "REFUSED", "CREATED"))
                .body("results[1].receipt.verdict", is("REJECTED"))
                .body("results[2].problem.violations[0].field", is("quantity"))
                .body("results[2].problem.status", is(400))
                .body("results[3].problem.status", is(422));
        given().contentType(ContentType.JSON).body(body).post(LOTS + "/batch").then().statusCode(200)
                .body("created", is(0)).body("unchanged", is(3)).body("refused", is(2));

        given().queryParams("producerId", rosa, "from", TODAY.toString(), "to", TODAY.toString()).get(LOTS)
                .then().statusCode(200).body("lots", hasSize(3))
                .body("totals.verdict", containsInAnyOrder("ACCEPTED", "REJECTED"))
                .body("totals.find { it.verdict == 'ACCEPTED' }.quantity", is(28.0f))
                .body("totals.find { it.verdict == 'ACCEPTED' }.lots", is(2));
        given().get(LOTS + "/" + negative.get("id")).then().statusCode(404);
    }

    @Test
    void aCorrectionRejudgesByTheSameVersionAVoidKeepsTheLotAndBothAreHistory() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(id, "18.5", "11.2", "6.5", false)).post(LOTS)
                .then().statusCode(201).body("verdict", is("REJECTED"));
        List<Map<String, Object>> corrected = List.of(reading("total_solids", "11.8"), reading("temperature", "6.5"),
                test("antibiotics", false));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "readings", corrected,
                "reason", "lactodensímetro mal calibrado; nueva muestra", "by", "Julia Ramos"))
                .post(LOTS + "/" + id + "/corrections")
                .then().statusCode(200).body("verdict", is("ACCEPTED")).body("revision", is(2))
                .body("agreementVersion", is(1));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "quantity", 17, "reason", "x", "by", "y"))
                .post(LOTS + "/" + id + "/corrections")
                .then().statusCode(409).body("type", is("urn:articula:problem:concurrent-modification"));
        given().contentType(ContentType.JSON)
                .body(Map.of("version", 1, "reason", "registrado dos veces", "by", "Julia Ramos"))
                .post(LOTS + "/" + id + "/void").then().statusCode(200).body("status", is("VOIDED"))
                .body("revision", is(3));
        given().contentType(ContentType.JSON).body(Map.of("version", 2, "quantity", 17, "reason", "x", "by", "y"))
                .post(LOTS + "/" + id + "/corrections").then().statusCode(409);

        given().get(LOTS + "/" + id + "/history").then().statusCode(200)
                .body("kind", contains("RECORDED", "CORRECTED", "VOIDED"))
                .body("verdict", contains("REJECTED", "ACCEPTED", "ACCEPTED"))
                .body("[1].reason", containsString("lactodensímetro")).body("[0].changedBy", is("Julia Ramos"));
        given().queryParam("date", TODAY.toString()).get("/api/v1/collection-centres/" + centre + "/sheet")
                .then().statusCode(200).body("lots", hasSize(1)).body("totals", empty());

        List<ConsumerRecord<String, byte[]>> events = PUBLISHED.await(id.toString(), 3);
        List<String> types = events.stream().map(r -> EventJson.read(r.value()).type()).toList();
        assertEquals(List.of("LotRecorded", "LotCorrected", "LotVoided"), types);
        JsonNode correctedPayload = EventJson.read(events.get(1).value()).payload();
        assertEquals("REJECTED", correctedPayload.at("/previous/verdict").asText());
        assertEquals("ACCEPTED", correctedPayload.at("/lot/verdict").asText());
        assertFalse(correctedPayload.has("disputeId"), "a correction by hand is news to the producer");
    }

    @Test
    void theCollectionSheetAndAProducersLotsDownloadAsTablesWithTheFiguresOfTheJson() {
        UUID ana = UUID.randomUUID();
        String hostile = "=HYPERLINK(\"http://x\",\"Ana\")";
        ContractsFeed.deliver(UpstreamEvents.producer().id(ana).organisation(association).group(network).name(hostile)
                .registered());
        UUID good = UUID.randomUUID();
        UUID bad = UUID.randomUUID();
        UUID voided = UUID.randomUUID();
        UUID anas = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(good, "18.5", "11.8", "6.5", false)).post(LOTS).then()
                .statusCode(201);
        given().contentType(ContentType.JSON).body(milk(bad, "20", "10.9", "14.2", true)).post(LOTS).then()
                .statusCode(201);
        given().contentType(ContentType.JSON).body(milk(voided, "7", "11.8", "6.5", false)).post(LOTS).then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("version", 0, "reason", "registrado dos veces", "by", "Julia"))
                .post(LOTS + "/" + voided + "/void").then().statusCode(200);
        Map<String, Object> afternoon = lot(anas, ana, "milk", "12.25", "L", milkReadings("12.1", "7", false));
        afternoon.put("shift", "AFTERNOON");
        given().contentType(ContentType.JSON).body(afternoon).post(LOTS).then().statusCode(201);

        String sheet = "/api/v1/collection-centres/" + centre + "/sheet";
        io.restassured.path.json.JsonPath json = given().queryParam("date", TODAY.toString()).get(sheet).then()
                .statusCode(200).extract().jsonPath();
        CsvDownloads.Table table = CsvDownloads.get(given().queryParam("date", TODAY.toString()), sheet,
                "planilla-acopio-" + TODAY + "-Centro_de_acopio_Santa_Rosa.csv");
        assertEquals(List.of("Tipo", "Fecha", "Hora", "Turno", "Productor", "DNI", "Producto", "Cantidad", "Unidad",
                "Veredicto", "Estado", "Lotes", "Motivos de rechazo", "Lecturas", "Id del lote"), table.header());
        List<Map<String, Object>> lotsInJson = json.getList("lots");
        assertEquals(lotsInJson.stream().map(l -> l.get("id")).toList(), table.where("Tipo", "Lote").stream()
                .map(r -> r.get("Id del lote")).toList());
        for (Map<String, Object> lot : lotsInJson) {
            Map<String, String> row = table.where("Id del lote", (String) lot.get("id")).get(0);
            assertEquals(new java.math.BigDecimal(lot.get("quantity").toString()).setScale(3),
                    CsvDownloads.Table.number(row, "Cantidad"));
            assertEquals(lot.get("deliveryDate"), row.get("Fecha"));
            assertEquals(lot.get("verdict").equals("ACCEPTED") ? "Aceptado" : "Rechazado", row.get("Veredicto"));
            assertEquals(lot.get("status").equals("VOIDED") ? "Anulado" : "Registrado", row.get("Estado"));
        }
        Map<String, String> rejected = table.where("Id del lote", bad.toString()).get(0);
        assertEquals("Rosa Quispe Huamán", rejected.get("Productor"));
        assertEquals(producers.findById(rosa).nationalId, rejected.get("DNI"));
        assertEquals("Leche", rejected.get("Producto"));
        assertEquals("Mañana", rejected.get("Turno"));
        assertEquals("20.000", rejected.get("Cantidad"));
        assertEquals("total_solids 10.9; temperature 14.2; antibiotics positivo", rejected.get("Lecturas"));
        assertEquals(json.getList("lots.find { it.id == '" + bad + "' }.reasons.message").stream()
                .map(Object::toString).collect(java.util.stream.Collectors.joining("; ")),
                rejected.get("Motivos de rechazo"));
        Map<String, String> hers = table.where("Id del lote", anas.toString()).get(0);
        assertEquals("'" + hostile, hers.get("Productor"), "a name a spreadsheet would run as a formula stays text");
        assertEquals("Tarde", hers.get("Turno"));
        // the totals of the JSON, voided lots not counted: accepted 18.5 + 12.25, rejected 20
        List<Map<String, String>> totals = table.where("Tipo", "Total");
        assertEquals(json.getList("totals.verdict").stream().map(v -> v.equals("ACCEPTED") ? "Aceptado" : "Rechazado")
                .toList(), totals.stream().map(r -> r.get("Veredicto")).toList());
        assertEquals(List.of("30.750", "20.000"), totals.stream().map(r -> r.get("Cantidad")).toList());
        assertEquals(json.getList("totals.lots").stream().map(Object::toString).toList(),
                totals.stream().map(r -> r.get("Lotes")).toList());

        // one producer's lots: only hers, saved under her DNI
        String from = TODAY.minusDays(1).toString();
        CsvDownloads.Table rosas = CsvDownloads.get(given().queryParams("producerId", rosa, "from", from, "to",
                TODAY.toString()), LOTS,
                "lotes-" + producers.findById(rosa).nationalId + "-" + from + "-al-" + TODAY + ".csv");
        List<String> rosasInJson = given().queryParams("producerId", rosa, "from", from, "to", TODAY.toString())
                .get(LOTS).then().statusCode(200).extract().jsonPath().getList("lots.id");
        assertEquals(java.util.Set.of(good.toString(), bad.toString(), voided.toString()),
                java.util.Set.copyOf(rosasInJson));
        assertEquals(rosasInJson, rosas.where("Tipo", "Lote").stream().map(r -> r.get("Id del lote")).toList());
        assertEquals(List.of("18.500", "20.000"),
                rosas.where("Tipo", "Total").stream().map(r -> r.get("Cantidad")).toList());
        // a producer downloads their own, never another's; a refusal stays problem+json
        io.restassured.http.Header rosaHerself = TestTokens
                .as(TestTokens.sign(org.articula.localstack.security.Tokens.Claims
                        .of("Rosa", association, org.articula.platform.security.Roles.PRODUCER).withProducer(rosa)));
        given().header(rosaHerself).accept("text/csv").queryParams("producerId", rosa, "from", from, "to",
                TODAY.toString()).get(LOTS).then().statusCode(200).contentType("text/csv");
        given().header(rosaHerself).accept("text/csv").queryParams("producerId", ana, "from", from, "to",
                TODAY.toString()).get(LOTS).then().statusCode(404).contentType(PROBLEM);
        given().accept("text/csv").queryParams("producerId", rosa, "from", "ayer", "to", TODAY.toString()).get(LOTS)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("from"));
        given().accept("text/csv").get(sheet).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("date"));
        given().accept("text/csv").queryParam("date", TODAY.toString()).get("/api/v1/collection-centres/"
                + UUID.randomUUID() + "/sheet").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void lateAndRepeatedAgreementEventsAreHarmlessAndAnAmendmentNeverRejudgesAnEarlierLot() {
        UUID julio = UUID.randomUUID();
        UUID own = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(julio).organisation(association)
                .name("Julio Rodríguez Cruz").registered());
        UUID early = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(lot(early, julio, "milk", "10", "L", milkReadings("11.8", "6", false)))
                .post(LOTS).then().statusCode(422);

        var activated = julios(own, julio).quality(MILK_QUALITY).activated();
        ContractsFeed.deliver(activated);
        UUID before = UUID.randomUUID();
        Map<String, Object> yesterday = lot(before, julio, "milk", "10", "L", milkReadings("11.8", "6", false));
        yesterday.put("deliveredAt", TODAY.minusDays(1).atTime(6, 30).atZone(LIMA).toInstant().toString());
        given().contentType(ContentType.JSON).body(yesterday).post(LOTS).then().statusCode(201)
                .body("verdict", is("ACCEPTED")).body("agreementVersion", is(1));

        // The amendment raises the solids minimum to 12 % from today; then the activation arrives again, late.
        var stricter = new ArrayList<>(MILK_QUALITY);
        stricter.set(0, numeric("total_solids", "%", "12.0", null));
        var amended = julios(own, julio).revision(2).terms(
                UpstreamEvents.terms().to(TODAY.minusDays(1)).quality(MILK_QUALITY),
                UpstreamEvents.terms().from(TODAY).quality(stricter)).amended();
        UpstreamEvents.publish(amended, amended, activated);
        ContractsFeed.await("the amendment", () -> agreements.findById(own).revision == 2);
        UUID marker = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(marker).organisation(association).name("Marcador")
                .registered()); // every event before the marker has been seen
        assertEquals(2, io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> agreements.findById(own).versions.size()));
        // Every event was taken once, by lots-service's own consumer (its group and inbox key).
        assertEquals(List.of("lots-service"), agreements.getEntityManager()
                .createNativeQuery("select distinct consumer from inbox_event", String.class).getResultList());

        given().get(LOTS + "/" + before).then().body("verdict", is("ACCEPTED")).body("agreementVersion", is(1));
        given().contentType(ContentType.JSON).body(lot(UUID.randomUUID(), julio, "milk", "10", "L",
                milkReadings("11.8", "6", false))).post(LOTS)
                .then().statusCode(201).body("verdict", is("REJECTED")).body("agreementVersion", is(2));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "quantity", 11, "reason", "balanza",
                "by", "Julia Ramos")).post(LOTS + "/" + before + "/corrections")
                .then().statusCode(200).body("verdict", is("ACCEPTED")).body("agreementVersion", is(1));
    }

    @Test
    void aLotWithManyFaultsIsRefusedAloneExactlyAsInABatch() {
        Map<String, Object> faulty = with("quantity", 0);
        faulty.put("unit", "galones");
        faulty.put("product", " ");
        List<Map<String, String>> alone = given().contentType(ContentType.JSON).body(faulty).post(LOTS)
                .then().statusCode(400).contentType(PROBLEM).body("type", is("urn:articula:problem:validation"))
                .extract().jsonPath().getList("violations");
        List<Map<String, String>> inBatch = given().contentType(ContentType.JSON)
                .body(Map.of("lots", List.of(faulty))).post(LOTS + "/batch")
                .then().statusCode(200).body("results[0].outcome", is("REFUSED"))
                .extract().jsonPath().getList("results[0].problem.violations");
        assertEquals(inBatch, alone);
        List<String> fields = alone.stream().map(v -> v.get("field")).toList();
        assertEquals(List.of("product", "quantity", "unit"), fields);
        given().get(LOTS + "/" + faulty.get("id")).then().statusCode(404);
    }

    @Test
    void malformedInputOfEveryFieldIsAProblemAndStoresNothing() {
        Map<String, Object> cases = new java.util.LinkedHashMap<>();
        cases.put("id", without("id"));
        cases.put("centreId", with("centreId", UUID.randomUUID()));
        cases.put("operatorId", with("operatorId", UUID.randomUUID()));
        cases.put("producerId", without("producerId"));
        cases.put("product", with("product", " "));
        cases.put("quantity", with("quantity", 0));
        cases.put("quantity ", with("quantity", "12.34567"));
        cases.put("unit", with("unit", "galones"));
        cases.put("deliveredAt", with("deliveredAt", Instant.now().plusSeconds(3600).toString()));
        cases.put("readings", without("readings"));
        cases.put("readings[0].value", withReading(Map.of("parameter", "total_solids")));
        cases.put("readings[0].result", withReading(Map.of("parameter", "antibiotics", "value", 1)));
        cases.put("readings[0].parameter", withReading(Map.of("value", 11.8)));
        cases.forEach((field, body) -> {
            given().contentType(ContentType.JSON).body(body).post(LOTS)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("violations.field", hasItem(field.strip()));
        });
        given().contentType(ContentType.JSON).body(with("deliveredAt", "ayer")).post(LOTS)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("deliveredAt"));
        given().contentType(ContentType.JSON).body(with("shift", "NIGHT")).post(LOTS)
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("shift"));
        given().contentType(ContentType.JSON).body("{\"id\": ").post(LOTS).then().statusCode(400).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("lots", List.of())).post(LOTS + "/batch")
                .then().statusCode(400).contentType(PROBLEM);
        given().queryParams("producerId", rosa, "from", TODAY.minusDays(40).toString(), "to", TODAY.toString())
                .get(LOTS)
                .then().statusCode(200).body("lots", empty());
    }

    @Test
    void theLargestQuantityIntakeAcceptsIsTheOneItsEventsPromisePaymentsAndALargerOneIsRefused() {
        BigDecimal largest = EventSchemas.forService("lots-service").schema("lot-payload.schema.json")
                .at("/$defs/lot/properties/quantity/maximum").decimalValue();
        BigDecimal larger = largest.add(new BigDecimal("0.001"));
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(id, largest.toPlainString(), "11.8", "6.5", false)).post(LOTS)
                .then().statusCode(201).body("quantity", is(largest.floatValue()));
        PUBLISHED.await(id.toString(), 1); // and its event is within the schema

        UUID tooMuch = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(tooMuch, larger.toPlainString(), "11.8", "6.5", false))
                .post(LOTS).then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("quantity"));
        given().get(LOTS + "/" + tooMuch).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "quantity", larger, "reason", "balanza",
                "by", "Julia Ramos")).post(LOTS + "/" + id + "/corrections")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("quantity"));
        given().get(LOTS + "/" + id).then().body("revision", is(1));
    }

    @Test
    void aControlCharacterRefusesTheLotAloneAndNamesTheField() {
        Map<String, Object> nul = milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false);
        readings(nul).set(0, Map.of("parameter", "total_solids", "value", 11.8, "instrument", "lacto\u0000densímetro"));
        given().contentType(ContentType.JSON).body(nul).post(LOTS).then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:validation"))
                .body("violations[0].field", is("readings[0].instrument"));
        given().get(LOTS + "/" + nul.get("id")).then().statusCode(404);

        Map<String, Object> before = milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false);
        Map<String, Object> after = milk(UUID.randomUUID(), "12", "11.9", "6.5", false);
        Map<String, Object> wrongType = with("quantity", "doce litros");
        given().contentType(ContentType.JSON).body(Map.of("lots", List.of(before, nul, after, wrongType)))
                .post(LOTS + "/batch").then().statusCode(200)
                .body("results.outcome", contains("CREATED", "REFUSED", "CREATED", "REFUSED"))
                .body("results[1].problem.status", is(400))
                .body("results[1].problem.violations[0].field", is("readings[0].instrument"))
                .body("results[3].problem.violations[0].field", is("quantity"));
        given().get(LOTS + "/" + nul.get("id")).then().statusCode(404);
        given().get(LOTS + "/" + after.get("id")).then().statusCode(200);
    }

    @Test
    void rejectionRatesCountRecordedLotsPerProducerAndPerCentre() {
        given().contentType(ContentType.JSON).body(Map.of("lots", List.of(
                milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false),
                milk(UUID.randomUUID(), "18.5", "11.0", "6.5", false),
                milk(UUID.randomUUID(), "18.5", "11.9", "6.5", false),
                milk(UUID.randomUUID(), "18.5", "12.0", "6.5", true)))).post(LOTS + "/batch")
                .then().body("created", is(4));
        given().queryParams("organisationId", association, "from", TODAY.toString(), "to", TODAY.toString())
                .get(LOTS + "/rejection-rates").then().statusCode(200)
                .body("find { it.key == '" + rosa + "' }.lots", is(4))
                .body("find { it.key == '" + rosa + "' }.rejected", is(2))
                .body("find { it.key == '" + rosa + "' }.rate", is(0.5f));
        given().queryParams("organisationId", association, "from", TODAY.toString(), "to", TODAY.toString(),
                "groupBy", "centre").get(LOTS + "/rejection-rates")
                .then().body("find { it.key == '" + centre + "' }.rejected", is(2));
    }

    @Test
    void chartsGetEachDaysLitresAndAcceptanceAndTheNetworksSolidsWeightedByLitres() {
        UUID voided = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("lots", List.of(
                milk(UUID.randomUUID(), "10", "12.0", "6.5", false),
                milk(UUID.randomUUID(), "30", "11.0", "6.5", false),
                milk(UUID.randomUUID(), "20", "12.5", "6.5", false),
                milk(voided, "500", "15.0", "6.5", false)))).post(LOTS + "/batch")
                .then().body("created", is(4));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "reason", "Registrado dos veces"))
                .post(LOTS + "/" + voided + "/void").then().statusCode(200);
        String from = TODAY.minusDays(20).toString();
        given().queryParams("centreId", centre, "from", from, "to", TODAY.toString())
                .get("/api/v1/lot-statistics/daily").then().statusCode(200)
                .body("size()", is(1)).body("[0].date", is(TODAY.toString())).body("[0].product", is("milk"))
                .body("[0].unit", is("L")).body("[0].lots", is(3)).body("[0].rejected", is(1))
                .body("[0].quantity", is(60.0f)).body("[0].acceptedQuantity", is(30.0f));
        // (10 x 12.0 + 30 x 11.0 + 20 x 12.5) / 60 = 11.666..., rejected milk included: it was delivered.
        String fortnight = TODAY.withDayOfMonth(TODAY.getDayOfMonth() < 16 ? 1 : 16).toString();
        given().queryParams("from", from, "to", TODAY.toString()).get("/api/v1/lot-statistics/quality-trend")
                .then().statusCode(200)
                .body("find { it.fortnightStart == '" + fortnight + "' }.groupId", is(network.toString()))
                .body("find { it.fortnightStart == '" + fortnight + "' }.lots", is(3))
                .body("find { it.fortnightStart == '" + fortnight + "' }.average", is(11.67f));
        given().queryParams("from", from, "to", TODAY.toString(), "parameter", "temperature")
                .get("/api/v1/lot-statistics/quality-trend").then().statusCode(200)
                .body("find { it.fortnightStart == '" + fortnight + "' }.average", is(6.5f));

        TestTokens.actAs("Ana Torres", UUID.randomUUID(), TestTokens.STAFF);
        given().queryParams("organisationId", association, "from", from, "to", TODAY.toString())
                .get("/api/v1/lot-statistics/daily").then().statusCode(404);
        given().queryParams("centreId", centre, "from", from, "to", TODAY.toString())
                .get("/api/v1/lot-statistics/daily").then().statusCode(404);
    }

    /** Julio's own agreement with the processor, in force from 20 days ago to 200 days ahead. */
    private AgreementEvents julios(UUID agreement, UUID julio) {
        return UpstreamEvents.agreement().id(agreement).organisation(association).buyer(processor)
                .individual(julio).from(TODAY.minusDays(20)).to(TODAY.plusDays(200));
    }

    private Map<String, Object> milk(UUID id, String litres, String solids, String temperature, boolean antibiotics) {
        Map<String, Object> body = lot(id, rosa, "milk", litres, "L", milkReadings(solids, temperature, antibiotics));
        body.put("shift", "MORNING");
        return body;
    }

    private static List<Map<String, Object>> milkReadings(String solids, String temperature, boolean antibiotics) {
        return new ArrayList<>(List.of(reading("total_solids", solids), reading("temperature", temperature),
                test("antibiotics", antibiotics)));
    }

    private Map<String, Object> lot(UUID id, UUID producer, String product, String quantity, String unit,
            List<Map<String, Object>> readings) {
        Instant deliveredAt = LimaDays.earlierOn(TODAY);
        return new HashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", producer,
                "product", product, "quantity", new java.math.BigDecimal(quantity), "unit", unit,
                "deliveredAt", deliveredAt.toString(), "readings", new ArrayList<>(readings)));
    }

    private static Map<String, Object> reading(String parameter, String value) {
        return Map.of("parameter", parameter, "value", new java.math.BigDecimal(value), "instrument", "lactodensímetro",
                "sampleId", "M-" + parameter);
    }

    private static Map<String, Object> test(String parameter, boolean result) {
        return Map.of("parameter", parameter, "result", result, "instrument", "kit beta-lactámicos");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> readings(Map<String, Object> body) {
        return (List<Map<String, Object>>) body.get("readings");
    }

    private Map<String, Object> without(String field) {
        Map<String, Object> body = milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false);
        body.remove(field);
        return body;
    }

    private Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false);
        body.put(field, value);
        return body;
    }

    private Map<String, Object> withReading(Map<String, Object> reading) {
        Map<String, Object> body = milk(UUID.randomUUID(), "18.5", "11.8", "6.5", false);
        readings(body).set(0, reading);
        return body;
    }
}

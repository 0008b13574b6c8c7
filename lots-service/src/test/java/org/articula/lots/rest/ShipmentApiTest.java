package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.testing.PublishedEvents;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.QualityParameter;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.domain.Gs1Keys;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.lots.support.EpcisSchema;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shipments against real PostgreSQL and Kafka: the Laredo association's centre pools its producers' accepted milk
 * into a tanker for the processor, whose rejection is traced to every lot and producer; a trout consignment is
 * exported as GS1 EPCIS 2.0.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class ShipmentApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("lots.events", "lots-service");
    static final String PROBLEM = "application/problem+json";
    static final String SHIPMENTS = "/api/v1/shipments";
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final LocalDate TODAY = LocalDate.now(LIMA);
    static final int PRODUCERS = 6;
    static final ObjectMapper JSON = new ObjectMapper();

    UUID association = UUID.randomUUID();
    UUID processor = UUID.randomUUID();
    UUID network = UUID.randomUUID();
    List<UUID> producers = new ArrayList<>();
    UUID troutFarmer = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();
    /** The lots were delivered three hours ago; the tanker left an hour ago. */
    Instant delivered = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant dispatched = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void laredoCentreWithSixProducersAndATroutFarmer() {
        List<UpstreamEvent> events = new ArrayList<>();
        for (int i = 0; i < PRODUCERS; i++) {
            UUID producer = UUID.randomUUID();
            producers.add(producer);
            events.add(UpstreamEvents.producer().id(producer).organisation(association).group(network)
                    .name("Productor Laredo " + (i + 1)).registered());
        }
        events.add(UpstreamEvents.producer().id(troutFarmer).organisation(association).name("Truchas Acoria")
                .registered());
        events.add(ContractsFeed.milkAgreement(association).group(network).quality(ContractsFeed.MILK_QUALITY)
                .activated());
        events.add(ContractsFeed.milkAgreement(association).individual(troutFarmer).product("trout", "kg")
                .quality(QualityParameter.numeric("temperature", "°C", null, "4")).activated());
        // The trout consignment is declared organic: the farm holds the certificate.
        events.add(UpstreamEvents.certification().organisation(association).producer(troutFarmer).products("trout")
                .valid(TODAY.minusDays(30), TODAY.plusDays(300)).recorded());
        ContractsFeed.deliver(events.toArray(UpstreamEvent[]::new));
        TestTokens.actAs("Julia Ramos", association, TestTokens.STAFF);
        Centres.open(association, centre, "Centro de acopio Laredo", operator, "Julia Ramos");
    }

    @Test
    void aTankerPooling30LaredoLotsIsRejectedByTheProcessorAndTheRejectionIsTracedToItsLotsAndProducersThroughTheApi() {
        List<UUID> lots = new ArrayList<>();
        Map<UUID, BigDecimal> byProducer = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID producer = producers.get(i % PRODUCERS);
            BigDecimal quantity = new BigDecimal("15.250").add(BigDecimal.valueOf(i));
            UUID lot = UUID.randomUUID();
            lots.add(lot);
            batch.add(milkLot(lot, producer, quantity, "12.1"));
            byProducer.merge(producer, quantity, BigDecimal::add);
            sum = sum.add(quantity);
        }
        given().contentType(ContentType.JSON).body(Map.of("lots", batch)).post("/api/v1/lots/batch").then()
                .statusCode(200).body("created", is(30));

        UUID id = UUID.randomUUID();
        Map<String, Object> request = shipment(id, lots, List.of(Map.of("quantity", new BigDecimal("2.5"), "reason",
                "derrame al trasvasar a la cisterna")), null);
        String created = given().contentType(ContentType.JSON).body(request).post(SHIPMENTS).then().statusCode(201)
                .header("Location", containsString(SHIPMENTS + "/" + id)).body("status", is("DISPATCHED"))
                .body("lotCount", is(30)).body("product", is("milk")).body("unit", is("L"))
                .body("lotsQuantity", is(sum.floatValue())).body("lossesQuantity", is(2.5f))
                .body("shippedQuantity", is(sum.subtract(new BigDecimal("2.5")).floatValue()))
                .body("organisationId", is(association.toString())).body("buyerId", is(processor.toString()))
                .body("result", nullValue()).extract().asString();
        String again = given().contentType(ContentType.JSON).body(request).post(SHIPMENTS).then().statusCode(200)
                .extract().asString();
        assertEquals(created, again);
        Map<String, Object> other = new HashMap<>(request);
        other.put("reference", "Cisterna C4X-999");
        given().contentType(ContentType.JSON).body(other).post(SHIPMENTS).then().statusCode(409).contentType(PROBLEM);

        Map<String, Object> rejection = Map.of("outcome", "REJECTED", "readings", List.of(Map.of("parameter",
                "total_solids", "value", new BigDecimal("11.2"))), "receivedAt", dispatched.plusSeconds(1800)
                        .toString(),
                "note", "Sólidos bajos en la cisterna");
        Header plant = TestTokens.as(processor, Roles.BUYER_ADMIN);
        String recorded = given().header(plant).contentType(ContentType.JSON).body(rejection)
                .post(SHIPMENTS + "/" + id + "/result").then().statusCode(200).body("status", is("REJECTED"))
                .body("result.outcome", is("REJECTED")).body("result.readings[0].parameter", is("total_solids"))
                .body("result.discountPercent", nullValue()).extract().asString();
        assertEquals(recorded, given().header(plant).contentType(ContentType.JSON).body(rejection)
                .post(SHIPMENTS + "/" + id + "/result").then().statusCode(200).extract().asString());
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ACCEPTED", "receivedAt",
                dispatched.plusSeconds(1800).toString())).post(SHIPMENTS + "/" + id + "/result").then()
                .statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:shipment-result-recorded"));

        JsonPath trace = given().header(plant).get(SHIPMENTS + "/" + id + "/trace").then().statusCode(200)
                .body("shipment.status", is("REJECTED")).body("lots", hasSize(30))
                .body("producers", hasSize(PRODUCERS)).extract().jsonPath();
        assertEquals(lots.stream().map(UUID::toString).toList(), trace.getList("lots.lotId"));
        assertEquals("Productor Laredo 1", trace.getString("lots[0].producerName"));
        assertEquals(12.1f, trace.getFloat("lots[0].readings[0].value"));
        assertEquals("ACCEPTED", trace.getString("lots[0].verdict"));
        BigDecimal traced = BigDecimal.ZERO;
        BigDecimal shares = BigDecimal.ZERO;
        for (int p = 0; p < PRODUCERS; p++) {
            UUID producer = UUID.fromString(trace.getString("producers[" + p + "].producerId"));
            BigDecimal quantity = new BigDecimal(trace.getString("producers[" + p + "].quantity"));
            assertEquals(0, byProducer.get(producer).compareTo(quantity), producer.toString());
            assertEquals(5, trace.getInt("producers[" + p + "].lotCount"));
            traced = traced.add(quantity);
            shares = shares.add(new BigDecimal(trace.getString("producers[" + p + "].shareOfShipment")));
        }
        assertEquals(0, sum.compareTo(traced)); // quantity conserved: every litre traced to its producer
        assertTrue(shares.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.05")) <= 0, shares
                .toString());

        // The day it left in Lima: an hour before a run just after midnight it left yesterday.
        LocalDate dispatchedOn = LocalDate.ofInstant(dispatched, LIMA);
        given().queryParams("centreId", centre, "from", dispatchedOn.toString(), "to", dispatchedOn.toString())
                .get(SHIPMENTS).then().statusCode(200).body("shipmentId", contains(id.toString()));
        given().header(plant).get(SHIPMENTS).then().statusCode(200).body("shipmentId", contains(id.toString()));
        UUID stranger = UUID.randomUUID();
        for (String path : List.of("", "/trace", "/epcis")) {
            given().header(TestTokens.as(stranger, Roles.BUYER_ADMIN)).get(SHIPMENTS + "/" + id + path).then()
                    .statusCode(404).contentType(PROBLEM);
        }
        given().header(TestTokens.as(stranger, Roles.AUDITOR)).get(SHIPMENTS).then().body("$", empty());

        List<ConsumerRecord<String, byte[]>> published = PUBLISHED.await(id.toString(), 2);
        assertEquals(List.of("ShipmentDispatched", "ShipmentResultRecorded"),
                published.stream().map(r -> EventJson.read(r.value()).type()).toList());
        JsonNode payload = EventJson.read(published.get(1).value()).payload();
        assertEquals(30, payload.path("lots").size());
        assertEquals(id.toString(), published.get(1).key());
        assertEquals("REJECTED", payload.at("/shipment/status").asText());
        given().header(TestTokens.as(association, Roles.AUDITOR)).queryParams("resourceType", "Shipment",
                "resourceId", id.toString()).get("/api/v1/audit").then()
                .body("action", contains("DISPATCHED", "RESULT_RECORDED"));
    }

    @Test
    void lotsThatCannotBeShippedAreRefusedNamingEachOneAndNothingIsWritten() {
        UUID accepted = lot(milkLot(UUID.randomUUID(), producers.get(0), new BigDecimal("18.5"), "12.0"));
        UUID rejected = lot(milkLot(UUID.randomUUID(), producers.get(1), new BigDecimal("18.5"), "11.0"));
        UUID trout = lot(troutLot(UUID.randomUUID(), new BigDecimal("120.5"), "2.5"));
        UUID voided = lot(milkLot(UUID.randomUUID(), producers.get(2), new BigDecimal("18.5"), "12.0"));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "reason", "registrado dos veces"))
                .post("/api/v1/lots/" + voided + "/void").then().statusCode(200);
        UUID unknown = UUID.randomUUID();
        UUID id = UUID.randomUUID();

        given().contentType(ContentType.JSON).body(shipment(id, List.of(accepted, rejected, trout, voided, unknown),
                List.of(), null)).post(SHIPMENTS).then().statusCode(422).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:lots-not-shippable"))
                .body("violations.field", contains("lotIds[1]", "lotIds[2]", "lotIds[3]", "lotIds[4]"))
                .body("violations[0].message", containsString(rejected.toString()))
                .body("violations[1].message", containsString("trout"));
        given().contentType(ContentType.JSON).body(shipment(id, List.of(accepted), List.of(Map.of("quantity",
                new BigDecimal("18.5"), "reason", "todo se derramó")), null)).post(SHIPMENTS).then().statusCode(422)
                .body("type", is("urn:articula:problem:losses-exceed-lots")).body("violations[0].field", is("losses"));
        given().contentType(ContentType.JSON).body(shipment(id, List.of(accepted, accepted), List.of(), null))
                .post(SHIPMENTS).then().statusCode(400).body("violations[0].field", is("lotIds[1]"));
        given().get(SHIPMENTS + "/" + id).then().statusCode(404);
        given().queryParam("centreId", centre).get(SHIPMENTS).then().body("$", empty());

        UUID first = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipment(first, List.of(accepted), List.of(), null))
                .post(SHIPMENTS).then().statusCode(201);
        given().contentType(ContentType.JSON).body(shipment(id, List.of(accepted), List.of(), null)).post(SHIPMENTS)
                .then().statusCode(422).body("violations[0].message", containsString("ya está en el envío " + first));
        // What the "Nuevo envío" screen no longer offers: only the shipped lot, with its shipment, in one call.
        String deliveredOn = LocalDate.ofInstant(delivered, LIMA).toString();
        given().queryParams("centreId", centre, "from", deliveredOn, "to", TODAY.toString()).get(SHIPMENTS + "/lots")
                .then().statusCode(200).body("lotId", contains(accepted.toString()))
                .body("shipmentId", contains(first.toString())).body("reference", contains("Cisterna C4X-812"));
        given().queryParams("centreId", centre, "from", TODAY.plusDays(1).toString(), "to", TODAY.plusDays(2)
                .toString()).get(SHIPMENTS + "/lots").then().statusCode(200).body("$", empty());
        given().queryParams("centreId", centre, "from", TODAY.toString(), "to", TODAY.minusDays(1).toString())
                .get(SHIPMENTS + "/lots").then().statusCode(400).body("violations[0].field", is("to"));
        given().header(TestTokens.as(processor, Roles.BUYER_ADMIN)).queryParams("centreId", centre, "from",
                deliveredOn, "to", TODAY.toString()).get(SHIPMENTS + "/lots").then().statusCode(404)
                .contentType(PROBLEM);
        given().header(TestTokens.as(association, Roles.TREASURER)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ACCEPTED", "receivedAt", dispatched.toString()))
                .post(SHIPMENTS + "/" + first + "/result").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("outcome", "ACCEPTED_WITH_DISCOUNT", "receivedAt",
                dispatched.minusSeconds(60).toString())).post(SHIPMENTS + "/" + first + "/result").then()
                .statusCode(400).body("violations.field", contains("discountPercent", "receivedAt"));
        given().get(SHIPMENTS + "/" + first).then().body("status", is("DISPATCHED")).body("version", is(0));
        PUBLISHED.await(first.toString(), 1);
    }

    @Test
    void theEpcisExportOfATroutShipmentValidatesAndCarriesGs1KeysWithValidCheckDigits() throws Exception {
        UUID a = lot(troutLot(UUID.randomUUID(), new BigDecimal("120.500"), "2.5"));
        UUID b = lot(troutLot(UUID.randomUUID(), new BigDecimal("98.250"), "3.1"));
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipment(id, List.of(a, b), List.of(Map.of("quantity",
                new BigDecimal("1.75"), "reason", "merma por eviscerado")), "ORGANIC")).post(SHIPMENTS).then()
                .statusCode(201).body("certification", is("ORGANIC")).body("shippedQuantity", is(217.0f));
        given().header(TestTokens.as(processor, Roles.BUYER_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("outcome", "ACCEPTED_WITH_DISCOUNT", "discountPercent", new BigDecimal("5.5"),
                        "readings", List.of(Map.of("parameter", "temperature", "value", new BigDecimal("3.9"))),
                        "receivedAt", dispatched.plusSeconds(600).toString()))
                .post(SHIPMENTS + "/" + id + "/result").then().statusCode(200);

        String body = given().accept("application/ld+json").get(SHIPMENTS + "/" + id + "/epcis").then()
                .statusCode(200).contentType("application/ld+json").extract().asString();
        JsonNode doc = JSON.readTree(body);
        assertEquals(Set.of(), EpcisSchema.problems(doc));
        JsonNode broken = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.at("/epcisBody/eventList/2")).put("parentID",
                "https://id.gs1.org/00/12345");
        assertFalse(EpcisSchema.problems(broken).isEmpty()); // an SSCC of 5 digits
        JsonNode events = doc.at("/epcisBody/eventList");
        assertEquals(5, events.size()); // two receipts, the pooling, the shipping, the buyer's acceptance
        assertEquals("KGM", events.at("/0/quantityList/0/uom").asText());
        assertEquals(120.5, events.at("/0/quantityList/0/quantity").asDouble());
        assertEquals("gs1:Temperature", events.at("/0/sensorElementList/0/sensorReport/0/type").asText());
        assertEquals("AggregationEvent", events.at("/2/type").asText());
        assertEquals(2, events.at("/2/childQuantityList").size());
        assertEquals("shipping", events.at("/3/bizStep").asText());
        assertEquals("accepting", events.at("/4/bizStep").asText());

        Gs1Keys keys = new Gs1Keys("0614141");
        String gln = key(events.at("/0/readPoint/id").asText(), "414/([0-9]{13})$");
        String gtin = key(events.at("/0/quantityList/0/epcClass").asText(), "/01/([0-9]{14})/10/");
        String sscc = key(events.at("/2/parentID").asText(), "/00/([0-9]{18})$");
        for (String k : List.of(gln, gtin, sscc)) {
            assertTrue(Gs1Keys.isValid(k), k);
        }
        assertEquals(keys.gln(centre), gln);
        assertEquals(keys.gtin("trout"), gtin);
        assertEquals(keys.sscc(id), sscc);
        assertEquals(keys.lgtinUri("trout", b), events.at("/2/childQuantityList/1/epcClass").asText());
    }

    private static String key(String uri, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(uri);
        assertTrue(m.find(), uri);
        return m.group(1);
    }

    private UUID lot(Map<String, Object> body) {
        given().header(TestTokens.as(association, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/lots").then().statusCode(201);
        return UUID.fromString(body.get("id").toString());
    }

    private Map<String, Object> shipment(UUID id, List<UUID> lots, List<Map<String, Object>> losses,
            String certification) {
        Map<String, Object> body = new HashMap<>(Map.of("shipmentId", id, "centreId", centre, "buyerId", processor,
                "reference", "Cisterna C4X-812", "dispatchedAt", dispatched.toString(), "lotIds", lots, "losses",
                losses));
        if (certification != null) {
            body.put("certification", certification);
        }
        return body;
    }

    private Map<String, Object> milkLot(UUID id, UUID producer, BigDecimal quantity, String solids) {
        return Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", producer, "product", "milk",
                "quantity", quantity, "unit", "L", "deliveredAt", delivered.toString(), "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new BigDecimal(solids)),
                        Map.of("parameter", "temperature", "value", new BigDecimal("6.5")),
                        Map.of("parameter", "antibiotics", "result", false)));
    }

    private Map<String, Object> troutLot(UUID id, BigDecimal quantity, String temperature) {
        return Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", troutFarmer, "product",
                "trout", "quantity", quantity, "unit", "kg", "deliveredAt", delivered.toString(), "readings",
                List.of(Map.of("parameter", "temperature", "value", new BigDecimal(temperature))));
    }
}

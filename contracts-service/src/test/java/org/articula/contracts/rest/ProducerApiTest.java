package org.articula.contracts.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.testing.CsvDownloads;
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
class ProducerApiTest {

    static final PublishedEvents PUBLISHED = PublishedEvents.of("contracts.events", "contracts-service");

    static final String PROBLEM = "application/problem+json";
    static final String CSV = "text/csv; charset=utf-8";

    UUID association;
    UUID network;
    String producers;

    @BeforeEach
    void laredoAssociationWithOneNetwork() {
        association = UUID.randomUUID();
        network = UUID.randomUUID();
        TestTokens.actAs(association, TestTokens.STAFF);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", association, "name", "Asociación de Productores Lecheros de Laredo",
                        "kind", "ASSOCIATION", "district", "Laredo", "region", "La Libertad"))
                .post("/api/v1/organisations").then().statusCode(201);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", network, "name", "Red Santa Rosa", "kind", "PRODUCER_GROUP", "parentId",
                        association))
                .post("/api/v1/organisations").then().statusCode(201);
        producers = "/api/v1/organisations/" + association + "/producers";
    }

    @Test
    void registeringTwiceStoresOneProducerAnswersTheSameAndPublishesOneEvent() {
        UUID id = UUID.randomUUID();
        Map<String, Object> rosa = producer(id, "45871236", "Rosa Quispe Huamán");

        String first = given().contentType(ContentType.JSON).body(rosa).post(producers)
                .then().statusCode(201).header("Location", containsString(id.toString()))
                .body("nationalIdType", is("DNI")).body("groupId", is(network.toString()))
                .extract().asString();
        String second = given().contentType(ContentType.JSON).body(rosa).post(producers)
                .then().statusCode(200).extract().asString();
        assertEquals(first, second);

        given().get(producers).then().statusCode(200).body("$", hasSize(1));
        List<EventEnvelope> events = envelopes(PUBLISHED.await(id.toString(), 1));
        assertEquals("ProducerRegistered", events.get(0).type());
        assertEquals(association, events.get(0).organisationId());
        assertEquals("45871236", events.get(0).payload().path("nationalId").asText());
        assertEquals(network.toString(), events.get(0).payload().path("groupId").asText());
    }

    @Test
    void registeringEightTimesAtOnceStoresOneProducerAndAnswersEachAsARepeat() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> rosa = producer(id, "45871236", "Rosa Quispe Huamán");
        String answer = IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().contentType(ContentType.JSON).body(rosa).post(producers)));
        assertEquals(answer, given().contentType(ContentType.JSON).body(rosa).post(producers)
                .then().statusCode(200).extract().asString());
        given().get(producers).then().statusCode(200).body("$", hasSize(1));
    }

    @Test
    void registeringAnOrganisationWithItsRucEightTimesAtOnceStoresItOnceAndAnswersEachAsARepeat() throws Exception {
        UUID processor = UUID.randomUUID();
        Map<String, Object> body = Map.of("id", processor, "name", "Lácteos del Norte SAC", "kind", "PROCESSOR",
                "ruc", "20100047218", "district", "Trujillo", "region", "La Libertad");
        IdenticalRequests.assertOneCreatedTheRestRepeats(IdenticalRequests.sendAtOnce(8,
                () -> given().header(TestTokens.as(processor, TestTokens.STAFF)).contentType(ContentType.JSON)
                        .body(body).post("/api/v1/organisations")));
    }

    @Test
    void anInvalidDniOrRucIsRefusedAndNothingIsStored() {
        for (String bad : List.of("20100047219", "4587123", "45-87123")) {
            given().contentType(ContentType.JSON).body(producer(UUID.randomUUID(), bad, "Juan Pérez"))
                    .post(producers)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", is("urn:articula:problem:validation"))
                    .body("violations.field", hasItems("nationalId"));
        }
        given().get(producers).then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void theSameNationalIdCannotBeRegisteredTwiceInOneOrganisation() {
        given().contentType(ContentType.JSON)
                .body(producer(UUID.randomUUID(), "20601234565", "Agropecuaria Conache SAC"))
                .post(producers).then().statusCode(201);
        given().contentType(ContentType.JSON).body(producer(UUID.randomUUID(), "20601234565", "Otro nombre"))
                .post(producers)
                .then().statusCode(409).contentType(PROBLEM)
                .body("violations[0].field", is("nationalId"));
        given().get(producers).then().body("$", hasSize(1));
    }

    @Test
    void anIdAlreadyUsedForAnotherProducerIsAConflict() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(producer(id, "45871236", "Rosa Quispe")).post(producers)
                .then().statusCode(201);
        given().contentType(ContentType.JSON).body(producer(id, "45871237", "Otra Persona")).post(producers)
                .then().statusCode(409).contentType(PROBLEM).body("type", is("urn:articula:problem:conflict"));
    }

    @Test
    void aGroupOfAnotherOrganisationIsRefused() {
        UUID otherAssociation = UUID.randomUUID();
        UUID otherNetwork = UUID.randomUUID();
        anotherCooperative(otherAssociation);
        given().header(TestTokens.as(otherAssociation, TestTokens.STAFF)).contentType(ContentType.JSON)
                .body(Map.of("id", otherNetwork, "name", "Red Quellouno", "kind", "PRODUCER_GROUP", "parentId",
                        otherAssociation))
                .post("/api/v1/organisations").then().statusCode(201);
        Map<String, Object> request = new java.util.HashMap<>(producer(UUID.randomUUID(), "45871236", "Rosa"));
        request.put("groupId", otherNetwork);
        given().contentType(ContentType.JSON).body(request).post(producers)
                .then().statusCode(400).body("violations[0].field", is("groupId"));
    }

    @Test
    void updatesNeedTheCurrentVersionAndArePublished() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(producer(id, "45871236", "Rosa Quispe")).post(producers)
                .then().statusCode(201).body("version", is(0));
        Map<String, Object> change = Map.of("name", "Rosa Quispe Huamán", "district", "Laredo", "phone", "+51987654321",
                "version", 0);

        given().contentType(ContentType.JSON).body(change).put(producers + "/" + id)
                .then().statusCode(200).body("name", is("Rosa Quispe Huamán")).body("version", is(1));
        given().contentType(ContentType.JSON).body(change).put(producers + "/" + id)
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:concurrent-modification"));

        List<EventEnvelope> events = envelopes(PUBLISHED.await(id.toString(), 2));
        assertEquals(List.of("ProducerRegistered", "ProducerUpdated"),
                events.stream().map(EventEnvelope::type).toList());
        assertEquals("Rosa Quispe Huamán", events.get(1).payload().path("name").asText());
        assertEquals(1, events.get(1).payload().path("version").asInt());
    }

    @Test
    void aCsvWithBadRowsImportsNothingAndNamesEachBadRow() {
        String csv = """
                nationalId,name,district,region,phone,groupId
                45871236,Rosa Quispe Huamán,Laredo,La Libertad,987654321,%s
                20100047219,Establo El Milagro,Laredo,La Libertad,,
                41234567,,Laredo,La Libertad,,
                45871236,Rosa otra vez,Laredo,La Libertad,,
                """.formatted(network);
        given().contentType("text/csv").body(csv).post(producers + "/import")
                .then().statusCode(400).contentType(PROBLEM)
                .body("violations.field", hasItems("rows[3].nationalId", "rows[4].name", "rows[5].nationalId"))
                .body("detail", containsString("3 de 4 filas"));
        given().get(producers).then().body("$", hasSize(0));
    }

    @Test
    void aGoodCsvImportsEveryRowOnceAndAgainChangesNothing() {
        String csv = """
                name,nationalId,district,groupId
                Rosa Quispe Huamán,45871236,Laredo,%s
                "Establo ""El Milagro"" SAC",20601234565,Laredo,
                Julio Rodríguez Cruz,41234567,Santa Rosa,%s
                """.formatted(network, network);
        given().contentType("text/csv").body(csv).post(producers + "/import")
                .then().statusCode(200).body("created", is(3)).body("unchanged", is(0))
                .body("results.line", hasItems(2, 3, 4));
        given().contentType("text/csv").body(csv).post(producers + "/import")
                .then().statusCode(200).body("created", is(0)).body("unchanged", is(3));
        given().get(producers).then().body("$", hasSize(3)).body("name", hasItems("Establo \"El Milagro\" SAC"));
        given().queryParam("groupId", network).get(producers).then().body("$", hasSize(2));
    }

    @Test
    void theProducersDownloadAsATableWithTheirNetworkAndWhatTheJsonSays() {
        String csv = """
                name,nationalId,district,region,phone,groupId
                Rosa Quispe Huamán,45871236,Laredo,La Libertad,+51987654321,%s
                "Establo ""El Milagro"", SAC",20601234565,Laredo,,,
                "=HYPERLINK(""http://x"";""Julio"")",41234567,Santa Rosa,La Libertad,987654321,%s
                """.formatted(network, network);
        given().contentType("text/csv; charset=UTF-8").body(csv).post(producers + "/import").then().statusCode(200)
                .body("created", is(3));
        io.restassured.path.json.JsonPath json = given().get(producers).then().statusCode(200).extract().jsonPath();
        CsvDownloads.Table table = CsvDownloads.get(given(), producers,
                "productores-Asociacion_de_Productores_Lecheros_de_Laredo.csv");

        assertEquals(List.of("Nombre", "Documento", "Número de documento", "Distrito", "Región", "Teléfono", "Red",
                "Registrado", "Id del productor"), table.header());
        assertEquals(json.getList("id"), table.column("Id del productor"));
        assertEquals(json.getList("nationalId"), table.column("Número de documento"));
        assertEquals(json.getList("nationalIdType"), table.column("Documento"));
        Map<String, String> rosa = table.where("Número de documento", "45871236").get(0);
        assertEquals(List.of("Rosa Quispe Huamán", "DNI", "Laredo", "La Libertad", "'+51987654321", "Red Santa Rosa"),
                List.of(rosa.get("Nombre"), rosa.get("Documento"), rosa.get("Distrito"), rosa.get("Región"),
                        rosa.get("Teléfono"), rosa.get("Red")));
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("America/Lima")).toString(), rosa.get("Registrado"));
        Map<String, String> establo = table.where("Número de documento", "20601234565").get(0);
        assertEquals(List.of("Establo \"El Milagro\", SAC", "RUC", "", ""), List.of(establo.get("Nombre"),
                establo.get("Documento"), establo.get("Red"), establo.get("Teléfono")));
        // what a spreadsheet would run as a formula stays text
        Map<String, String> julio = table.where("Número de documento", "41234567").get(0);
        assertEquals("'=HYPERLINK(\"http://x\";\"Julio\")", julio.get("Nombre"));
        assertEquals("987654321", julio.get("Teléfono"));

        // the same filters and pages as the JSON
        assertEquals(2, CsvDownloads.get(given().queryParam("groupId", network), producers,
                "productores-Asociacion_de_Productores_Lecheros_de_Laredo.csv").rows().size());
        assertEquals(json.getList("id").subList(2, 3), CsvDownloads.get(given().queryParams("page", 1, "size", 2),
                producers, "productores-Asociacion_de_Productores_Lecheros_de_Laredo-pagina-2.csv")
                .column("Id del productor"));
        given().accept("text/csv").queryParam("size", 5000).get(producers).then().statusCode(400)
                .contentType(PROBLEM).body("violations[0].field", is("size"));
        given().accept("text/csv").get("/api/v1/organisations/" + UUID.randomUUID() + "/producers")
                .then().statusCode(404).contentType(PROBLEM);
        given().accept("text/csv").header(TestTokens.as(association, "producer")).get(producers)
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void findsProducersByTheWordsOfTheirNameWhateverTheAccentsOrByTheStartOfTheirDni() {
        String csv = """
                nationalId,name,district
                45871236,Rosa Quispe Huamán,Laredo
                45879999,Julio Vásquez Cruz,Laredo
                41234567,María Huaman Vasquez,Laredo
                """;
        given().contentType(CSV).body(csv).post(producers + "/import").then().statusCode(200);
        given().queryParam("q", "huaman").get(producers).then().statusCode(200)
                .body("name", contains("María Huaman Vasquez", "Rosa Quispe Huamán"));
        given().queryParam("q", "VÁSQUEZ julio").get(producers).then().body("name", contains("Julio Vásquez Cruz"));
        given().queryParam("q", "4587").get(producers).then().body("name",
                contains("Julio Vásquez Cruz", "Rosa Quispe Huamán"));
        given().queryParam("q", "4587").queryParam("size", 1).queryParam("page", 1).get(producers)
                .then().body("name", contains("Rosa Quispe Huamán"));
        given().queryParam("q", "_").get(producers).then().statusCode(200).body("$", hasSize(3));
    }

    @Test
    void aScreenNamesTheProducersOfItsLotsInOneCallAndOnlyTheOrganisationsOwn() {
        UUID rosa = UUID.randomUUID();
        UUID julio = UUID.randomUUID();
        UUID maria = UUID.randomUUID();
        for (Map<String, Object> p : List.of(producer(rosa, "45871236", "Rosa Quispe Huamán"),
                producer(julio, "45879999", "Julio Vásquez Cruz"), producer(maria, "41234567", "María Huaman"))) {
            given().contentType(ContentType.JSON).body(p).post(producers).then().statusCode(201);
        }
        UUID otherAssociation = UUID.randomUUID();
        UUID foreign = UUID.randomUUID();
        anotherCooperative(otherAssociation);
        given().header(TestTokens.as(otherAssociation, TestTokens.STAFF)).contentType(ContentType.JSON)
                .body(Map.of("id", foreign, "nationalId", "40000001", "name", "Ana Condori", "district", "Quellouno"))
                .post("/api/v1/organisations/" + otherAssociation + "/producers").then().statusCode(201);

        given().queryParam("id", rosa, julio, foreign, UUID.randomUUID()).get(producers).then().statusCode(200)
                .body("id", contains(julio.toString(), rosa.toString()));
        given().queryParam("id", maria).queryParam("q", "rosa").get(producers).then().body("$", hasSize(0));
        given().get(producers).then().body("$", hasSize(3)); // no id: the whole page, as before
        List<UUID> tooMany = java.util.stream.Stream.generate(UUID::randomUUID).limit(51).toList();
        given().queryParam("id", tooMany.toArray()).get(producers).then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aCsvHeadedInSpanishGoesToTheNetworkChosenForRowsThatNameNone() {
        UUID laMerced = UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(Map.of("id", laMerced, "name", "Red La Merced", "kind", "PRODUCER_GROUP", "parentId",
                        association))
                .post("/api/v1/organisations").then().statusCode(201);
        String csv = """
                \uFEFFDNI,Nombre,Distrito,Región,Teléfono,groupId
                45871236,Rosa Quispe Huamán,Laredo,La Libertad,987654321,
                41234567,Julio Rodríguez Cruz,Laredo,La Libertad,,%s
                """.formatted(network);
        given().contentType(CSV).queryParam("groupId", laMerced).body(csv).post(producers + "/import")
                .then().statusCode(200).body("created", is(2));
        given().queryParam("groupId", laMerced).get(producers).then()
                .body("name", contains("Rosa Quispe Huamán")).body("phone", contains("987654321"));
        given().queryParam("groupId", network).get(producers).then().body("name", contains("Julio Rodríguez Cruz"));
        given().contentType(CSV).queryParam("groupId", UUID.randomUUID()).body(csv).post(producers + "/import")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("groupId"));
    }

    @Test
    void aRowWithABadGroupOrTooManyValuesIsNamedByItsLine() {
        String badGroup = """
                nationalId,name,district,groupId
                45871236,Rosa Quispe Huamán,Laredo,
                41234567,Julio Rodríguez Cruz,Laredo,red-santa-rosa
                """;
        given().contentType(CSV).body(badGroup).post(producers + "/import")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("rows[3].groupId"));
        String extraComma = """
                nationalId,name,district
                45871236,Rosa Quispe Huamán,Laredo
                41234567,Rodríguez, Julio,Laredo
                """;
        given().contentType(CSV).body(extraComma).post(producers + "/import")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("rows[3]"));
        given().get(producers).then().body("$", hasSize(0));
    }

    @Test
    void aControlCharacterInABodyACsvRowOrAParameterIsRefusedNamedAndNothingIsStored() {
        given().contentType(ContentType.JSON).body(producer(UUID.randomUUID(), "45871236", "Rosa\u0000Quispe"))
                .post(producers).then().statusCode(400).contentType(PROBLEM)
                .body("type", is("urn:articula:problem:validation")).body("violations[0].field", is("name"));
        String csv = """
                nationalId,name,district
                45871236,Rosa Quispe Huamán,Laredo
                41234567,Julio\u0000Rodríguez,Laredo
                """;
        given().contentType("text/csv").body(csv).post(producers + "/import")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("rows[3].name"));
        given().get(producers).then().statusCode(200).body("$", hasSize(0));
        given().queryParam("product", "mi\u0000lk").get("/api/v1/agreements")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("product"));
    }

    @Test
    void anUnknownOrganisationIs404() {
        given().get("/api/v1/organisations/" + UUID.randomUUID() + "/producers")
                .then().statusCode(404).contentType(PROBLEM);
    }

    /** Registers another organisation, in its own staff's name. */
    private static void anotherCooperative(UUID id) {
        given().header(TestTokens.as(id, TestTokens.STAFF)).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Cooperativa Agraria La Convención", "kind", "COOPERATIVE"))
                .post("/api/v1/organisations").then().statusCode(201);
    }

    private Map<String, Object> producer(UUID id, String nationalId, String name) {
        return Map.of("id", id, "nationalId", nationalId, "name", name, "district", "Laredo", "region", "La Libertad",
                "groupId", network);
    }

    private static List<EventEnvelope> envelopes(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> EventJson.read(r.value())).toList();
    }
}

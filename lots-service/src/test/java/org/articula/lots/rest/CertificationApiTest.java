package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.AgreementEvents;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Certificates and parcels against real PostgreSQL and Kafka: a cacao cooperative's agreements require organic
 * certification; lots of producers without a valid organic certificate on the delivery day are flagged and kept out
 * of a shipment declared ORGANIC; lots name their producer's parcels, exported per shipment as GeoJSON.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class CertificationApiTest {

    static final String PROBLEM = "application/problem+json";
    static final String SHIPMENTS = "/api/v1/shipments";
    static final ZoneId LIMA = ZoneId.of("America/Lima");

    UUID cooperative = UUID.randomUUID();
    UUID exporter = UUID.randomUUID();
    /** Network of Ana and Benito, under an agreement requiring organic cacao; each holds their own certificate. */
    UUID pangoa = UUID.randomUUID();
    /** Network of Carmen, whose group certificate covers her. */
    UUID satipo = UUID.randomUUID();
    UUID ana = UUID.randomUUID();
    UUID benito = UUID.randomUUID();
    UUID carmen = UUID.randomUUID();
    UUID anaParcel = UUID.randomUUID();
    UUID carmenParcel = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();
    Instant delivered = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Instant dispatched = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    LocalDate day = LocalDate.ofInstant(delivered, LIMA);

    @BeforeEach
    void cacaoCooperativeRequiringOrganic() {
        ContractsFeed.deliver(
                UpstreamEvents.producer().id(ana).organisation(cooperative).group(pangoa).name("Ana Rojas")
                        .registered(),
                UpstreamEvents.producer().id(benito).organisation(cooperative).group(pangoa).name("Benito Quispe")
                        .registered(),
                UpstreamEvents.producer().id(carmen).organisation(cooperative).group(satipo).name("Carmen Chuquimia")
                        .registered(),
                organicCacao().group(pangoa).activated(), organicCacao().group(satipo).activated(),
                UpstreamEvents.certification().organisation(cooperative).producer(ana)
                        .valid(day.minusDays(365), day.plusDays(300)).recorded(),
                UpstreamEvents.certification().organisation(cooperative).producer(benito)
                        .valid(day.minusDays(365), day.minusDays(1)).recorded(),
                UpstreamEvents.certification().organisation(cooperative).heldBy(satipo)
                        .valid(day.minusDays(10), day.plusDays(10)).recorded(),
                UpstreamEvents.parcel().id(anaParcel).organisation(cooperative).producer(ana)
                        .point("-74.638100", "-11.254300", "3.5").registered(),
                UpstreamEvents.parcel().id(carmenParcel).organisation(cooperative).producer(carmen)
                        .name("Parcela Alto Celendín").polygon("6", "6.0123", "-74.640000 -11.250000",
                                "-74.640000 -11.247800", "-74.637300 -11.247800", "-74.637300 -11.250000",
                                "-74.640000 -11.250000")
                        .registered());
        TestTokens.actAs("Julia Ramos", cooperative, TestTokens.STAFF);
        Centres.open(cooperative, centre, "Acopio Pangoa", operator, "Julia Ramos");
    }

    @Test
    void anExpiredCertificateFlagsALotAndKeepsItOutOfACertifiedShipment() {
        UUID anaLot = record(ana, "120.5", null).body("verdict", is("ACCEPTED")).body("flags", empty()).extract()
                .jsonPath().getUUID("id");
        String expired = "Sin certificado ORGANIC vigente el " + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " (exigido por la versión 1 del acuerdo)";
        UUID benitoLot = record(benito, "80", null).body("verdict", is("ACCEPTED"))
                .body("flags.code", contains("CERTIFICATE_NOT_VALID")).body("flags[0].detail", is(expired))
                .extract().jsonPath().getUUID("id");
        given().get("/api/v1/lots/" + benitoLot).then().statusCode(200).body("verdict", is("ACCEPTED"))
                .body("flags[0].detail", is(expired));
        given().get("/api/v1/lots/" + anaLot).then().statusCode(200).body("flags", empty());
        given().queryParam("date", day.toString()).get("/api/v1/collection-centres/" + centre + "/sheet").then()
                .statusCode(200).body("lots.find { it.id == '" + benitoLot + "' }.flags[0].code",
                        is("CERTIFICATE_NOT_VALID"))
                .body("lots.find { it.id == '" + anaLot + "' }.flags", empty());

        UUID refused = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipment(refused, List.of(anaLot, benitoLot), "ORGANIC"))
                .post(SHIPMENTS).then().statusCode(422).contentType(PROBLEM)
                .body("violations.field", contains("lotIds[1]"))
                .body("violations[0].message", containsString(benitoLot + " está observado: " + expired));
        given().get(SHIPMENTS + "/" + refused).then().statusCode(404);

        given().contentType(ContentType.JSON).body(shipment(UUID.randomUUID(), List.of(anaLot), "ORGANIC"))
                .post(SHIPMENTS).then().statusCode(201).body("certification", is("ORGANIC"));
        UUID undeclared = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipment(undeclared, List.of(benitoLot), null))
                .post(SHIPMENTS).then().statusCode(201).body("lotCount", is(1));
        // The buyer tracing an undeclared shipment still sees why the lot could not go as organic.
        given().get(SHIPMENTS + "/" + undeclared + "/trace").then().statusCode(200)
                .body("lots[0].flags[0].detail", is(expired));
    }

    @Test
    void aGroupCertificateCoversAProducerOfItsNetworkAndACertificateRecordedLateClearsTheFlag() {
        UUID carmenLot = record(carmen, "64", null).body("flags", empty()).extract().jsonPath().getUUID("id");
        given().contentType(ContentType.JSON).body(shipment(UUID.randomUUID(), List.of(carmenLot), "ORGANIC"))
                .post(SHIPMENTS).then().statusCode(201);
        // A batch's receipts are judged alike.
        given().contentType(ContentType.JSON)
                .body(Map.of("lots", List.of(lot(UUID.randomUUID(), carmen, "10", null),
                        lot(UUID.randomUUID(), benito, "11", null))))
                .post("/api/v1/lots/batch").then().statusCode(200).body("results[0].receipt.flags", empty())
                .body("results[1].receipt.flags.code", contains("CERTIFICATE_NOT_VALID"));

        UUID dario = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(dario).organisation(cooperative).group(pangoa)
                .name("Darío Mamani").registered());
        UUID darioLot = record(dario, "30", null).body("flags", hasSize(1)).extract().jsonPath().getUUID("id");
        given().contentType(ContentType.JSON).body(shipment(UUID.randomUUID(), List.of(darioLot), "FAIRTRADE"))
                .post(SHIPMENTS).then().statusCode(422).body("violations[0].field", is("lotIds[0]"));
        // His certificate, valid on the delivery day, reaches lots-service after the lot: the flag is gone.
        ContractsFeed.deliver(UpstreamEvents.certification().organisation(cooperative).producer(dario)
                .valid(day.minusDays(30), day.plusDays(30)).recorded());
        given().get("/api/v1/lots/" + darioLot).then().statusCode(200).body("flags", empty());
    }

    @Test
    void theParcelsOfAShipmentAreExportedAsAGeoJsonFeatureCollection() {
        UUID first = record(ana, "50", anaParcel).body("parcelId", is(anaParcel.toString())).extract().jsonPath()
                .getUUID("id");
        UUID second = record(ana, "25.5", anaParcel).extract().jsonPath().getUUID("id");
        UUID fromCarmen = record(carmen, "40", carmenParcel).extract().jsonPath().getUUID("id");
        UUID withoutParcel = record(carmen, "12", null).extract().jsonPath().getUUID("id");
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipment(id, List.of(first, fromCarmen, second, withoutParcel),
                "ORGANIC")).post(SHIPMENTS).then().statusCode(201);

        String body = given().get(SHIPMENTS + "/" + id + "/parcels").then().statusCode(200)
                .contentType("application/geo+json").extract().asString();
        assertTrue(body.contains("[-74.638100,-11.254300]"), "coordinates as registered: " + body);
        assertEquals("FeatureCollection", new JsonPath(body).getString("type"));
        given().get(SHIPMENTS + "/" + id + "/parcels").then().body("features.id",
                contains(anaParcel.toString(), carmenParcel.toString()))
                .body("features[0].geometry.type", is("Point"))
                .body("features[0].properties.producerName", is("Ana Rojas"))
                .body("features[0].properties.producerId", is(ana.toString()))
                .body("features[0].properties.product", is("cacao"))
                .body("features[0].properties.declaredAreaHectares", is(3.5f))
                .body("features[0].properties.computedAreaHectares", nullValue())
                .body("features[0].properties.country", is("PE"))
                .body("features[0].properties.deforestationFreeSince2020", is(true))
                .body("features[0].properties.cutOffDate", is("2020-12-31"))
                .body("features[0].properties.lots.lotId", contains(first.toString(), second.toString()))
                .body("features[0].properties.lots.quantity", contains(50.0f, 25.5f))
                .body("features[1].geometry.type", is("Polygon"))
                .body("features[1].geometry.coordinates[0]", hasSize(5))
                .body("features[1].properties.computedAreaHectares", is(6.0123f))
                .body("features[1].properties.lots.lotId", contains(fromCarmen.toString()))
                .body("lotsWithoutParcel.lotId", contains(withoutParcel.toString()))
                .body("lotsWithoutParcel[0].producerId", is(carmen.toString()))
                .body("lotsWithoutParcel[0].producerName", is("Carmen Chuquimia"));

        given().header(TestTokens.as(exporter, Roles.BUYER_ADMIN)).get(SHIPMENTS + "/" + id + "/parcels").then()
                .statusCode(200).body("features", hasSize(2));
        given().header(TestTokens.as(UUID.randomUUID(), Roles.BUYER_ADMIN)).get(SHIPMENTS + "/" + id + "/parcels")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aParcelOfAnotherProducerIsRefusedNamingParcelIdAndNothingIsStored() {
        UUID lot = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(lot(lot, ana, "20", carmenParcel)).post("/api/v1/lots").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", contains("parcelId"));
        given().contentType(ContentType.JSON).body(lot(lot, ana, "20", UUID.randomUUID())).post("/api/v1/lots")
                .then().statusCode(400).contentType(PROBLEM).body("violations.field", contains("parcelId"));
        given().get("/api/v1/lots/" + lot).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("lots", List.of(lot(UUID.randomUUID(), carmen, "5", anaParcel),
                        lot(UUID.randomUUID(), carmen, "6", carmenParcel))))
                .post("/api/v1/lots/batch").then().statusCode(200).body("created", is(1))
                .body("results.outcome", contains("REFUSED", "CREATED"))
                .body("results[0].problem.violations.field", contains("parcelId"))
                .body("results[1].receipt.parcelId", is(carmenParcel.toString()));

        UUID stored = record(ana, "20", null).body("parcelId", nullValue()).extract().jsonPath().getUUID("id");
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "parcelId", carmenParcel, "reason",
                "parcela equivocada")).post("/api/v1/lots/" + stored + "/corrections").then().statusCode(400)
                .contentType(PROBLEM).body("violations.field", contains("parcelId"));
        given().get("/api/v1/lots/" + stored).then().body("parcelId", nullValue()).body("revision", is(1));
        given().contentType(ContentType.JSON).body(Map.of("version", 0, "parcelId", anaParcel, "reason",
                "se anotó la parcela")).post("/api/v1/lots/" + stored + "/corrections").then().statusCode(200)
                .body("parcelId", is(anaParcel.toString())).body("revision", is(2));
        given().get("/api/v1/lots/" + stored + "/history").then().body("parcelId",
                contains(null, anaParcel.toString()));
    }

    private AgreementEvents organicCacao() {
        return ContractsFeed.milkAgreement(cooperative).buyer(exporter).product("cacao", "kg")
                .terms(UpstreamEvents.terms().requiring("ORGANIC"));
    }

    private ValidatableResponse record(UUID producer, String quantity, UUID parcel) {
        return given().contentType(ContentType.JSON).body(lot(UUID.randomUUID(), producer, quantity, parcel))
                .post("/api/v1/lots").then().statusCode(201);
    }

    private Map<String, Object> lot(UUID id, UUID producer, String quantity, UUID parcel) {
        Map<String, Object> lot = new HashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator,
                "producerId", producer, "product", "cacao", "quantity", new BigDecimal(quantity), "unit", "kg",
                "deliveredAt", delivered.toString(), "readings", List.of()));
        if (parcel != null) {
            lot.put("parcelId", parcel);
        }
        return lot;
    }

    private Map<String, Object> shipment(UUID id, List<UUID> lots, String certification) {
        Map<String, Object> body = new HashMap<>(Map.of("shipmentId", id, "centreId", centre, "buyerId", exporter,
                "reference", "Contenedor MSKU 204518-3", "dispatchedAt", dispatched.toString(), "lotIds", lots));
        if (certification != null) {
            body.put("certification", certification);
        }
        return body;
    }
}

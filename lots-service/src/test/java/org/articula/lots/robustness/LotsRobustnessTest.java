package org.articula.lots.robustness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.robustness.ApiRequest;
import org.articula.localstack.testing.robustness.RobustnessReport;
import org.articula.localstack.testing.robustness.RobustnessSuite;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Every operation of lots-service sent hostile input of every class (see {@link RobustnessSuite}), from
 * valid requests of an association's collection centre recording Rosa's milk.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class LotsRobustnessTest {

    static final String LOTS = "/api/v1/lots";
    static final String CENTRES = "/api/v1/collection-centres";
    static final String DISPUTES = "/api/v1/disputes";
    static final String SHIPMENTS = "/api/v1/shipments";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    @Inject
    InboxConsumer inbox;

    UUID association = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();

    @Test
    void everyOperationRefusesHostileInputWithANamedProblemAndWritesNothing() throws Exception {
        UUID agreement = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).registered(),
                ContractsFeed.milkAgreement(association).id(agreement).individual(rosa)
                        .quality(ContractsFeed.TOTAL_SOLIDS).activated(),
                // Her milk goes into shipments declared organic.
                UpstreamEvents.certification().organisation(association).producer(rosa).products("milk")
                        .valid(TODAY.minusDays(30), TODAY.plusDays(300)).recorded());
        TestTokens.actAs("Julia Ramos", association, Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.AUDITOR);
        given().contentType(ContentType.JSON).body(centre(centre)).post(CENTRES).then().statusCode(201);
        given().contentType(ContentType.JSON).body(Map.of("id", operator, "name", "Julia Ramos"))
                .post(CENTRES + "/" + centre + "/operators").then().statusCode(201);
        UUID lot = lot();
        UUID dispute = dispute();
        UUID shipment = shipment();

        RobustnessReport report = RobustnessSuite.forService("lots-service", "lots")
                .platformOperations(inbox.consumerName())
                .oversize(21L * 1024 * 1024) // over lots-service's 20M
                .seed("GET /api/v1/audit", () -> ApiRequest.empty().withQuery("resourceType", "Lot")
                        .withQuery("resourceId", lot).withQuery("from", TODAY.minusDays(1))
                        .withQuery("to", TODAY.plusDays(1)).withQuery("limit", 10))
                .seed("POST " + CENTRES, () -> ApiRequest.json(centre(UUID.randomUUID())))
                .seed("GET " + CENTRES, () -> ApiRequest.empty().withQuery("organisationId", association))
                .seed("GET " + CENTRES + "/{centreId}", () -> ApiRequest.empty().withPath("centreId", centre))
                .seed("GET " + CENTRES + "/{centreId}/operators", () -> ApiRequest.empty().withPath("centreId", centre))
                .seed("POST " + CENTRES + "/{centreId}/operators", () -> ApiRequest.json(Map.of("id", UUID.randomUUID(),
                        "name", "Pedro Castillo")).withPath("centreId", centre))
                .seed("GET " + CENTRES + "/{centreId}/roster", () -> ApiRequest.empty().withPath("centreId", centre))
                .seed("GET " + CENTRES + "/{centreId}/sheet", () -> ApiRequest.empty().withPath("centreId", centre)
                        .withQuery("date", TODAY))
                .seed("GET /api/v1/lot-statistics/daily", () -> ApiRequest.empty().withQuery("centreId", centre)
                        .withQuery("organisationId", association).withQuery("from", TODAY.minusDays(7))
                        .withQuery("to", TODAY))
                .seed("GET /api/v1/lot-statistics/quality-trend", () -> ApiRequest.empty()
                        .withQuery("organisationId", association).withQuery("parameter", "total_solids")
                        .withQuery("from", TODAY.minusDays(7)).withQuery("to", TODAY))
                .seed("POST " + LOTS, () -> ApiRequest.json(lotBody(UUID.randomUUID())))
                .seed("GET " + LOTS, () -> ApiRequest.empty().withQuery("producerId", rosa)
                        .withQuery("from", TODAY.minusDays(7)).withQuery("to", TODAY))
                .seed("POST " + LOTS + "/batch",
                        () -> ApiRequest.json(Map.of("lots", List.of(lotBody(UUID.randomUUID())))))
                .refusalInside("POST " + LOTS + "/batch", LotsRobustnessTest::firstRefused)
                .creates("POST " + LOTS + "/batch")
                .seed("GET " + LOTS + "/rejection-rates",
                        () -> ApiRequest.empty().withQuery("organisationId", association)
                                .withQuery("groupBy", "producer").withQuery("from", TODAY.minusDays(7))
                                .withQuery("to", TODAY))
                .seed("GET " + LOTS + "/{id}", () -> ApiRequest.empty().withPath("id", lot))
                .seed("POST " + LOTS + "/{id}/corrections", () -> ApiRequest.json(Map.of("version", 0,
                        "quantity", new BigDecimal("17.250"), "reason", "balanza descalibrada",
                        "readings", List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("11.9"),
                                "instrument", "Lactoscan", "sampleId", "M-1",
                                "measuredAt", LimaDays.earlierOn(TODAY).toString()))))
                        .withPath("id", lot()))
                .seed("GET " + LOTS + "/{id}/history", () -> ApiRequest.empty().withPath("id", lot))
                .seed("POST " + LOTS + "/{id}/void", () -> ApiRequest.json(Map.of("version", 0,
                        "reason", "registrado dos veces")).withPath("id", lot()))
                .seed("POST " + LOTS + "/{lotId}/disputes", () -> ApiRequest.json(Map.of("id", UUID.randomUUID(),
                        "reason", "la muestra se tomó de un bidón sin agitar")).withPath("lotId", rejectedLot()))
                .seed("GET " + DISPUTES, () -> ApiRequest.empty().withQuery("organisationId", association)
                        .withQuery("status", "OPEN").withQuery("centreId", centre).withQuery("producerId", rosa))
                .seed("GET " + DISPUTES + "/{id}", () -> ApiRequest.empty().withPath("id", dispute))
                .seed("POST " + DISPUTES + "/{id}/retest", () -> ApiRequest.json(Map.of(
                        "testedBy", "Laboratorio de la UNT", "testedAt", java.time.Instant.now().toString(),
                        "readings", List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("11.9"),
                                "instrument", "Lactoscan", "sampleId", "C-1"))))
                        .withPath("id", dispute()))
                .seed("POST " + SHIPMENTS, () -> ApiRequest.json(shipmentBody(UUID.randomUUID(), lot())))
                .creates("POST " + SHIPMENTS)
                .seed("GET " + SHIPMENTS, () -> ApiRequest.empty().withQuery("centreId", centre)
                        .withQuery("from", TODAY.minusDays(7)).withQuery("to", TODAY).withQuery("page", 0)
                        .withQuery("size", 50))
                .seed("GET " + SHIPMENTS + "/lots", () -> ApiRequest.empty().withQuery("centreId", centre)
                        .withQuery("from", TODAY.minusDays(7)).withQuery("to", TODAY))
                .seed("GET " + SHIPMENTS + "/{id}", () -> ApiRequest.empty().withPath("id", shipment))
                .seed("GET " + SHIPMENTS + "/{id}/trace", () -> ApiRequest.empty().withPath("id", shipment))
                .seed("GET " + SHIPMENTS + "/{id}/epcis", () -> ApiRequest.empty().withPath("id", shipment))
                .seed("GET " + SHIPMENTS + "/{id}/parcels", () -> ApiRequest.empty().withPath("id", shipment))
                .seed("POST " + SHIPMENTS + "/{id}/result", () -> ApiRequest.json(Map.of("outcome",
                        "ACCEPTED_WITH_DISCOUNT", "discountPercent", new BigDecimal("4.50"), "readings",
                        List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("11.6"))), "receivedAt",
                        java.time.Instant.now().toString(), "note", "Acidez algo alta"))
                        .withPath("id", shipment()))
                .run();

        assertEquals(List.of(), report.failures());
    }

    // The batch answers 200 and judges each lot: the first one's problem when it was refused.
    private static JsonNode firstRefused(JsonNode answer) {
        JsonNode first = answer == null ? null : answer.path("results").path(0);
        return first != null && first.path("outcome").asText().equals("REFUSED") ? first.path("problem") : null;
    }

    private UUID lot() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(lotBody(id)).post(LOTS).then().statusCode(201);
        return id;
    }

    /** A lot rejected for low solids, to contest. */
    private UUID rejectedLot() {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = lotBody(id);
        body.put("readings", List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("10.9"))));
        given().contentType(ContentType.JSON).body(body).post(LOTS).then().statusCode(201);
        return id;
    }

    /** An open dispute of a fresh rejected lot. */
    private UUID dispute() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("id", id, "reason", "la muestra se calentó"))
                .post(LOTS + "/" + rejectedLot() + "/disputes").then().statusCode(201);
        return id;
    }

    /** A shipment of a fresh accepted lot, dispatched a minute ago. */
    private UUID shipment() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(shipmentBody(id, lot())).post(SHIPMENTS).then().statusCode(201);
        return id;
    }

    private Map<String, Object> shipmentBody(UUID id, UUID lot) {
        return Map.of("shipmentId", id, "centreId", centre, "buyerId", UUID.randomUUID(), "reference",
                "Cisterna C4X-812", "dispatchedAt", java.time.Instant.now().minusSeconds(60).toString(), "lotIds",
                List.of(lot), "losses", List.of(Map.of("quantity", new BigDecimal("0.250"), "reason",
                        "derrame al trasvasar")),
                "certification", "ORGANIC");
    }

    private Map<String, Object> centre(UUID id) {
        return Map.of("id", id, "organisationId", association, "name", "Centro de acopio Laredo", "district", "Laredo",
                "region", "La Libertad", "latitude", new BigDecimal("-8.089700"),
                "longitude", new BigDecimal("-78.960500"));
    }

    private Map<String, Object> lotBody(UUID id) {
        return new HashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", rosa,
                "product", "milk", "quantity", new BigDecimal("18.500"), "unit", "L", "shift", "MORNING",
                "deliveredAt", LimaDays.earlierOn(TODAY).toString(),
                "readings", List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("11.8"),
                        "instrument", "Lactoscan", "sampleId", "M-1"))));
    }
}

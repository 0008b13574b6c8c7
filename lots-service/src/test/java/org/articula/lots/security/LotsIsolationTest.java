package org.articula.lots.security;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.isolation.IsolationMatrix.get;
import static org.articula.localstack.testing.isolation.IsolationMatrix.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.isolation.IsolationMatrix;
import org.articula.localstack.testing.isolation.IsolationMatrix.Caller;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of lots-service as a matrix ({@link IsolationMatrix}): every operation, every role
 * of another organisation and a fellow producer, every id of organisation A in every place, including
 * the lots of a batch. Producers and agreements arrive as contracts-service's events.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class LotsIsolationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));
    static final String FROM = TODAY.minusDays(7).toString();
    static final String TO = TODAY.toString();

    /** One organisation's world in lots-service. */
    record Tenant(UUID organisation, UUID producer, UUID fellow, UUID centre, UUID operator, UUID lot,
            UUID rejectedLot, UUID dispute, UUID shippableLot, UUID shipment) {

        Map<String, String> own() {
            return Map.ofEntries(Map.entry("organisation", organisation.toString()),
                    Map.entry("producer", producer.toString()), Map.entry("centre", centre.toString()),
                    Map.entry("operator", operator.toString()), Map.entry("lot", lot.toString()),
                    Map.entry("rejectedLot", rejectedLot.toString()), Map.entry("dispute", dispute.toString()),
                    Map.entry("shippableLot", shippableLot.toString()), Map.entry("shipment", shipment.toString()));
        }
    }

    @Test
    void noRoleOfAnotherOrganisationReachesAnythingOfOrganisationA() {
        Tenant a = tenant("Rosalinda Ticona Mamani", "Fidel Ticona Quispe", "Centro de Acopio Isolda",
                "Operador Isolda Quispe", "4321.987", "13.579");
        Tenant b = tenant("Teodoro Ccama Flores", "Marta Huanca Rojas", "Centro Valle Sur", "Operadora Valle Sur",
                "18.500", "11.800");
        Set<String> everythingOfA = Set.of("Rosalinda Ticona Mamani", "Fidel Ticona Quispe", "Centro de Acopio Isolda",
                "Operador Isolda Quispe", "4321.987", "13.579", UpstreamEvents.nationalId(a.producer()),
                a.organisation().toString(), a.producer().toString(), a.fellow().toString(), a.centre().toString(),
                a.operator().toString(), a.lot().toString(), a.rejectedLot().toString(), a.dispute().toString(),
                a.shippableLot().toString(), a.shipment().toString());
        Map<String, String> fellowOwn = new HashMap<>(a.own());
        fellowOwn.put("producer", a.fellow().toString());
        fellowOwn.put("lot", UUID.randomUUID().toString());
        fellowOwn.put("rejectedLot", UUID.randomUUID().toString());
        fellowOwn.put("dispute", UUID.randomUUID().toString());
        fellowOwn.put("shippableLot", UUID.randomUUID().toString());
        fellowOwn.put("shipment", UUID.randomUUID().toString());

        String centreOfA = "/api/v1/collection-centres/" + a.centre();
        IsolationMatrix matrix = new IsolationMatrix("lots-service")
                .unchangedFor(TestTokens.as(a.organisation(), Roles.AUDITOR), "/api/v1/lots/" + a.lot(),
                        "/api/v1/lots/" + a.lot() + "/history", "/api/v1/collection-centres", centreOfA + "/operators",
                        centreOfA + "/sheet?date=" + TO, "/api/v1/disputes/" + a.dispute(),
                        "/api/v1/shipments/" + a.shipment(), "/api/v1/shipments/" + a.shipment() + "/trace",
                        "/api/v1/shipments/" + a.shipment() + "/parcels",
                        "/api/v1/shipments/lots?centreId=" + a.centre() + "&from=" + FROM + "&to=" + TO)
                .foreign("organisation", a.organisation()).foreign("producer", a.producer())
                .foreign("centre", a.centre()).foreign("operator", a.operator()).foreign("lot", a.lot())
                .foreign("rejectedLot", a.rejectedLot()).foreign("dispute", a.dispute())
                .foreign("shippableLot", a.shippableLot()).foreign("shipment", a.shipment())
                .everyRoleOf("B", b.organisation(), b.producer(), b.own(), everythingOfA)
                .caller(new Caller("A's other producer", TestTokens.as(TestTokens.sign(Tokens.Claims
                        .of("Fidel", a.organisation(), Roles.PRODUCER).withProducer(a.fellow()))), fellowOwn,
                        Set.of("Rosalinda Ticona Mamani", UpstreamEvents.nationalId(a.producer()), "4321.987", "13.579",
                                a.producer().toString(), a.lot().toString())));
        operations(matrix);
        matrix.run();
    }

    static void operations(IsolationMatrix m) {
        String lot = """
                {"id":"{{new:lot}}","centreId":"{{centre}}","operatorId":"{{operator}}","producerId":"{{producer}}",
                 "product":"milk","quantity":17.25,"unit":"L","deliveredAt":"%s",
                 "readings":[{"parameter":"total_solids","value":12.1}]}""".formatted(LimaDays.earlierOn(TODAY));
        String centre = "/api/v1/collection-centres/{{centre}}";
        m.platformOperations(true);
        m.operation("GET /api/v1/audit",
                get("/api/v1/audit").withQuery("resourceType", "Lot").withQuery("resourceId", "{{filter:lot}}"),
                get("/api/v1/audit").withQuery("resourceType", "CollectionCentre")
                        .withQuery("resourceId", "{{filter:centre}}"),
                get("/api/v1/audit"));
        m.operation("POST /api/v1/collection-centres", post("/api/v1/collection-centres",
                """
                {"id":"{{new:centre}}","organisationId":"{{organisation}}","name":"Centro nuevo","district":"Laredo"}"""));
        m.operation("GET /api/v1/collection-centres", get("/api/v1/collection-centres"),
                get("/api/v1/collection-centres").withQuery("organisationId", "{{organisation}}"));
        m.operation("GET /api/v1/collection-centres/{centreId}", get(centre));
        m.operation("GET /api/v1/collection-centres/{centreId}/operators", get(centre + "/operators"));
        m.operation("POST /api/v1/collection-centres/{centreId}/operators",
                post(centre + "/operators", "{\"id\":\"{{new:operator}}\",\"name\":\"Operador nuevo\"}"));
        m.operation("GET /api/v1/collection-centres/{centreId}/roster", get(centre + "/roster"));
        m.operation("GET /api/v1/collection-centres/{centreId}/sheet", get(centre + "/sheet").withQuery("date", TO));
        m.operation("GET /api/v1/lot-statistics/daily",
                get("/api/v1/lot-statistics/daily").withQuery("from", FROM).withQuery("to", TO),
                get("/api/v1/lot-statistics/daily").withQuery("from", FROM).withQuery("to", TO)
                        .withQuery("organisationId", "{{organisation}}").withQuery("centreId", "{{centre}}"));
        m.operation("GET /api/v1/lot-statistics/quality-trend",
                get("/api/v1/lot-statistics/quality-trend").withQuery("from", FROM).withQuery("to", TO),
                get("/api/v1/lot-statistics/quality-trend").withQuery("from", FROM).withQuery("to", TO)
                        .withQuery("organisationId", "{{organisation}}"));
        m.operation("POST /api/v1/lots", post("/api/v1/lots", lot));
        m.operation("GET /api/v1/lots",
                get("/api/v1/lots").withQuery("producerId", "{{filter:producer}}").withQuery("from", FROM)
                        .withQuery("to", TO));
        m.operation("POST /api/v1/lots/batch", post("/api/v1/lots/batch", "{\"lots\":[" + lot + "]}")
                .batch("/created", "/unchanged"));
        m.operation("GET /api/v1/lots/rejection-rates",
                get("/api/v1/lots/rejection-rates").withQuery("from", FROM).withQuery("to", TO),
                get("/api/v1/lots/rejection-rates").withQuery("from", FROM).withQuery("to", TO)
                        .withQuery("organisationId", "{{organisation}}"));
        m.operation("GET /api/v1/lots/{id}", get("/api/v1/lots/{{lot}}"));
        m.operation("POST /api/v1/lots/{id}/corrections", post("/api/v1/lots/{{lot}}/corrections",
                "{\"version\":0,\"quantity\":17,\"reason\":\"balanza\"}"));
        m.operation("GET /api/v1/lots/{id}/history", get("/api/v1/lots/{{lot}}/history"));
        m.operation("POST /api/v1/lots/{lotId}/disputes", post("/api/v1/lots/{{rejectedLot}}/disputes",
                "{\"id\":\"{{new:dispute}}\",\"reason\":\"la muestra se tomó mal\"}"));
        m.operation("GET /api/v1/disputes", get("/api/v1/disputes"),
                get("/api/v1/disputes").withQuery("organisationId", "{{organisation}}").withQuery("status", "OPEN")
                        .withQuery("centreId", "{{filter:centre}}").withQuery("producerId", "{{filter:producer}}"));
        m.operation("GET /api/v1/disputes/{id}", get("/api/v1/disputes/{{dispute}}"));
        m.operation("POST /api/v1/disputes/{id}/retest", post("/api/v1/disputes/{{dispute}}/retest", """
                {"testedBy":"Laboratorio de la UNT","testedAt":"%s",
                 "readings":[{"parameter":"total_solids","value":12.1}]}""".formatted(LimaDays.earlierOn(TODAY))));
        m.operation("POST /api/v1/shipments", post("/api/v1/shipments", """
                {"shipmentId":"{{new:shipment}}","centreId":"{{centre}}","buyerId":"%s",
                 "reference":"Cisterna C4X-812","dispatchedAt":"%s","lotIds":["{{shippableLot}}"]}"""
                .formatted(UUID.randomUUID(), java.time.Instant.now().minusSeconds(60))));
        m.operation("GET /api/v1/shipments", get("/api/v1/shipments"),
                get("/api/v1/shipments").withQuery("centreId", "{{filter:centre}}").withQuery("from", FROM)
                        .withQuery("to", TO));
        m.operation("GET /api/v1/shipments/lots", get("/api/v1/shipments/lots").withQuery("centreId", "{{centre}}")
                .withQuery("from", FROM).withQuery("to", TO));
        m.operation("GET /api/v1/shipments/{id}", get("/api/v1/shipments/{{shipment}}"));
        m.operation("GET /api/v1/shipments/{id}/trace", get("/api/v1/shipments/{{shipment}}/trace"));
        m.operation("GET /api/v1/shipments/{id}/epcis",
                get("/api/v1/shipments/{{shipment}}/epcis").accepting("application/ld+json"));
        m.operation("GET /api/v1/shipments/{id}/parcels",
                get("/api/v1/shipments/{{shipment}}/parcels").accepting("application/geo+json"));
        m.operation("POST /api/v1/shipments/{id}/result", post("/api/v1/shipments/{{shipment}}/result",
                "{\"outcome\":\"ACCEPTED\",\"receivedAt\":\"%s\"}".formatted(java.time.Instant.now())));
        m.operation("POST /api/v1/lots/{id}/void", post("/api/v1/lots/{{lot}}/void",
                "{\"version\":0,\"reason\":\"registrado dos veces\"}"));
    }

    /**
     * An association whose network's producer delivers milk under an active agreement at its centre, and
     * a second producer of the same network: the lot has the given quantity and total solids.
     */
    private Tenant tenant(String producerName, String fellowName, String centreName, String operatorName,
            String quantity, String solids) {
        UUID organisation = UUID.randomUUID();
        UUID network = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        UUID fellow = UUID.randomUUID();
        UUID agreement = UUID.randomUUID();
        ContractsFeed.deliver(
                UpstreamEvents.producer().id(producer).organisation(organisation).group(network).name(producerName)
                        .registered(),
                UpstreamEvents.producer().id(fellow).organisation(organisation).group(network).name(fellowName)
                        .registered(),
                ContractsFeed.milkAgreement(organisation).id(agreement).group(network)
                        .quality(ContractsFeed.TOTAL_SOLIDS).activated());
        UUID centre = UUID.randomUUID();
        UUID operator = UUID.randomUUID();
        Centres.open(TestTokens.as(organisation, Roles.BUYER_ADMIN), organisation, centre, centreName, operator,
                operatorName);
        UUID lot = UUID.randomUUID();
        given().header(TestTokens.as(organisation, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("id", lot, "centreId", centre, "operatorId", operator, "producerId", producer, "product",
                        "milk", "quantity", new BigDecimal(quantity), "unit", "L", "deliveredAt",
                        LimaDays.earlierOn(TODAY).toString(), "readings",
                        List.of(Map.of("parameter", "total_solids", "value", new BigDecimal(solids)))))
                .post("/api/v1/lots").then().statusCode(201);
        UUID rejectedLot = UUID.randomUUID();
        given().header(TestTokens.as(organisation, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("id", rejectedLot, "centreId", centre, "operatorId", operator, "producerId", producer,
                        "product", "milk", "quantity", new BigDecimal("9.5"), "unit", "L", "deliveredAt",
                        LimaDays.earlierOn(TODAY).toString(), "readings",
                        List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("10.5")))))
                .post("/api/v1/lots").then().statusCode(201);
        UUID dispute = UUID.randomUUID();
        given().header(TestTokens.as(organisation, Roles.BUYER_ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("id", dispute, "reason", "la contramuestra dirá"))
                .post("/api/v1/lots/" + rejectedLot + "/disputes").then().statusCode(201);
        UUID shippableLot = acceptedLot(organisation, centre, operator, producer);
        UUID shipment = UUID.randomUUID();
        given().header(TestTokens.as(organisation, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("shipmentId", shipment, "centreId", centre, "buyerId", UUID.randomUUID(), "reference",
                        "Cisterna de " + centreName, "dispatchedAt", java.time.Instant.now().minusSeconds(60)
                                .toString(),
                        "lotIds", List.of(acceptedLot(organisation, centre, operator, producer))))
                .post("/api/v1/shipments").then().statusCode(201);
        return new Tenant(organisation, producer, fellow, centre, operator, lot, rejectedLot, dispute, shippableLot,
                shipment);
    }

    private static UUID acceptedLot(UUID organisation, UUID centre, UUID operator, UUID producer) {
        UUID id = UUID.randomUUID();
        given().header(TestTokens.as(organisation, Roles.CENTRE_OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", producer,
                        "product", "milk", "quantity", new BigDecimal("20.5"), "unit", "L", "deliveredAt",
                        LimaDays.earlierOn(TODAY).toString(), "readings",
                        List.of(Map.of("parameter", "total_solids", "value", new BigDecimal("12.4")))))
                .post("/api/v1/lots").then().statusCode(201);
        return id;
    }
}

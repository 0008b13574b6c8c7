package org.articula.payments.security;

import static io.restassured.RestAssured.given;
import static org.articula.localstack.testing.isolation.IsolationMatrix.get;
import static org.articula.localstack.testing.isolation.IsolationMatrix.post;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.isolation.IsolationMatrix;
import org.articula.localstack.testing.isolation.IsolationMatrix.Caller;
import org.articula.localstack.testing.isolation.IsolationMatrix.Request;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.payments.support.Feed;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of payments-service as a matrix ({@link IsolationMatrix}): every operation (and its
 * CSV, HTML and PDF answers), every role of another organisation and a fellow producer, every id of
 * organisation A in every place. Organisations, producers, agreements and lots arrive as the upstream
 * services' events; charges, remittances and the fortnight's settlement are made through the API.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class PaymentsIsolationTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final String CSV = "text/csv";
    static final String HTML = "text/html";
    static final String PDF = "application/pdf";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    EntityManager em;

    /** One organisation's world in payments-service. */
    record Tenant(UUID organisation, UUID buyer, UUID producer, UUID fellow, UUID charge, UUID remittance,
            UUID settlement, UUID run, UUID agreement, UUID fellowAgreement, UUID network, UUID lot) {

        Map<String, String> own() {
            return Map.of("organisation", organisation.toString(), "buyer", buyer.toString(), "producer",
                    producer.toString(), "charge", charge.toString(), "remittance", remittance.toString(),
                    "settlement", settlement.toString(), "run", run.toString(), "agreement", agreement.toString(),
                    "network", network.toString(), "lot", lot.toString());
        }
    }

    @Test
    void noRoleOfAnotherOrganisationReachesAnythingOfOrganisationA() {
        Tenant a = tenant("Asociación Ganadera Isolda", "Lácteos Isolda S.A.C.", "Rosalinda Ticona Mamani",
                "Fidel Ticona Quispe", "1.37", "432.5", "77.31", "654.32");
        Tenant b = tenant("Cooperativa Valle Sur", "Planta Valle Sur S.A.C.", "Teodoro Ccama Flores",
                "Marta Huanca Rojas", "1.00", "40", "10.00", "45.00");
        Set<String> ofRosalinda = Set.of("Rosalinda Ticona Mamani", UpstreamEvents.nationalId(a.producer()), "432.5",
                "592.5", "77.31", a.producer().toString(), a.charge().toString());
        Set<String> everythingOfA = new java.util.HashSet<>(ofRosalinda);
        everythingOfA.addAll(Set.of("Asociación Ganadera Isolda", "Lácteos Isolda S.A.C.", "Fidel Ticona Quispe",
                "654.32", a.organisation().toString(), a.buyer().toString(), a.fellow().toString(),
                a.remittance().toString(), a.settlement().toString(), a.run().toString()));
        Map<String, String> fellowOwn = new HashMap<>(a.own());
        fellowOwn.put("producer", a.fellow().toString());
        fellowOwn.put("charge", UUID.randomUUID().toString());
        fellowOwn.put("agreement", a.fellowAgreement().toString());
        fellowOwn.put("lot", UUID.randomUUID().toString()); // Fidel delivered nothing

        String settlementOfA = "/api/v1/settlements/" + a.settlement();
        IsolationMatrix matrix = new IsolationMatrix("payments-service")
                .unchangedFor(TestTokens.as(a.organisation(), Roles.AUDITOR), settlementOfA,
                        settlementOfA + "/statements/" + a.producer(), "/api/v1/charges/" + a.charge(),
                        "/api/v1/charges?producerId=" + a.producer(), "/api/v1/remittances/" + a.remittance(),
                        "/api/v1/settlements")
                .foreign("organisation", a.organisation()).foreign("buyer", a.buyer())
                .foreign("producer", a.producer()).foreign("charge", a.charge())
                .foreign("remittance", a.remittance()).foreign("settlement", a.settlement()).foreign("run", a.run())
                .foreign("agreement", a.agreement()).foreign("network", a.network()).foreign("lot", a.lot())
                .everyRoleOf("B", b.organisation(), b.producer(), b.own(), Set.copyOf(everythingOfA))
                .caller(new Caller("A's other producer", TestTokens.as(TestTokens.sign(Tokens.Claims
                        .of("Fidel", a.organisation(), Roles.PRODUCER).withProducer(a.fellow()))), fellowOwn,
                        ofRosalinda));
        operations(matrix);
        matrix.run();
    }

    static void operations(IsolationMatrix m) {
        String settlement = "/api/v1/settlements/{{settlement}}";
        Request charges = get("/api/v1/charges");
        Request settlements = get("/api/v1/settlements");
        Request reconciliation = get("/api/v1/reconciliations").withQuery("organisationId", "{{organisation}}")
                .withQuery("fortnightStart", OCT_1.toString());
        Request dues = get("/api/v1/buyer-dues").withQuery("buyerId", "{{filter:buyer}}");
        Request statements = get("/api/v1/statements").withQuery("producerId", "{{filter:producer}}");
        m.platformOperations(true);
        m.operation("GET /api/v1/audit",
                get("/api/v1/audit").withQuery("resourceType", "Settlement").withQuery("resourceId",
                        "{{filter:settlement}}"),
                get("/api/v1/audit").withQuery("resourceType", "Charge").withQuery("resourceId", "{{filter:charge}}"),
                get("/api/v1/audit"));
        m.operation("GET /api/v1/buyer-dues", get("/api/v1/buyer-dues"), dues, dues.accepting(CSV));
        m.operation("POST /api/v1/charges", post("/api/v1/charges", """
                {"id":"{{new:charge}}","organisationId":"{{organisation}}","producerId":"{{producer}}","kind":"FEED",
                 "description":"Concentrado","amount":12.34,"chargeDate":"%s","instalments":1}"""
                .formatted(OCT_1.plusDays(2))));
        m.operation("GET /api/v1/charges", charges, charges.withQuery("organisationId", "{{organisation}}"),
                charges.withQuery("producerId", "{{filter:producer}}"),
                charges.withQuery("organisationId", "{{organisation}}").accepting(CSV),
                charges.withQuery("producerId", "{{filter:producer}}").accepting(CSV));
        m.operation("GET /api/v1/charges/{id}", get("/api/v1/charges/{{charge}}"));
        m.operation("POST /api/v1/charges/{id}/cancellation",
                post("/api/v1/charges/{{charge}}/cancellation", "{\"reason\":\"registrado por error\"}"));
        m.operation("GET /api/v1/reconciliations", reconciliation, reconciliation.accepting(CSV));
        m.operation("POST /api/v1/remittances", post("/api/v1/remittances", """
                {"id":"{{new:remittance}}","organisationId":"{{organisation}}","buyerId":"{{buyer}}",
                 "fortnightStart":"%s","product":"milk","quantityPaid":40,"unit":"L","amount":41.00,
                 "receivedOn":"2026-10-21"}""".formatted(OCT_1)));
        m.operation("GET /api/v1/remittances/{id}", get("/api/v1/remittances/{{remittance}}"));
        m.operation("GET /api/v1/settlements", settlements, settlements.withQuery("organisationId", "{{organisation}}"),
                settlements.withQuery("organisationId", "{{organisation}}").accepting(CSV));
        Request run = post("/api/v1/settlements/runs",
                "{\"organisationId\":\"{{organisation}}\",\"fortnightStart\":\"%s\"}".formatted(OCT_1));
        m.operation("POST /api/v1/settlements/runs", run, run.withHeader("Prefer", "respond-async"),
                post("/api/v1/settlements/runs", "{\"organisationId\":\"{{organisation}}\",\"fortnightStart\":\"%s\","
                        .formatted(OCT_1.minusMonths(1)) + "\"runId\":\"{{new:run}}\"}"));
        m.operation("GET /api/v1/settlements/runs/{runId}", get("/api/v1/settlements/runs/{{run}}"));
        m.operation("GET /api/v1/settlements/{id}", get(settlement), get(settlement).accepting(CSV));
        m.operation("POST /api/v1/settlements/{id}/closing", post(settlement + "/closing", "{}"));
        m.operation("POST /api/v1/settlements/{id}/payouts", post(settlement + "/payouts",
                "{\"producerId\":\"{{producer}}\",\"paidOn\":\"2026-10-20\",\"reference\":\"OP-9\"}"));
        m.operation("POST /api/v1/settlements/{id}/payouts/batch", post(settlement + "/payouts/batch",
                "{\"payouts\":[{\"producerId\":\"{{producer}}\",\"paidOn\":\"2026-10-20\",\"reference\":\"OP-9\"}]}")
                .batch("/recorded", "/unchanged"));
        m.operation("GET /api/v1/settlements/{id}/statements", get(settlement + "/statements").accepting(HTML),
                get(settlement + "/statements").accepting(PDF));
        m.operation("GET /api/v1/settlements/{id}/statements/{producerId}",
                get(settlement + "/statements/{{producer}}"),
                get(settlement + "/statements/{{producer}}").accepting(HTML),
                get(settlement + "/statements/{{producer}}").accepting(PDF),
                get(settlement + "/statements/{{producer}}").accepting(CSV));
        m.operation("GET /api/v1/statements", statements, statements.accepting(CSV));
        Request ledger = october(get("/api/v1/purchase-ledger").withQuery("organisationId", "{{organisation}}"));
        m.operation("GET /api/v1/purchase-ledger", ledger, ledger.accepting(CSV), ledger.accepting(XLSX));
        m.operation("GET /api/v1/statement-lines", get("/api/v1/statement-lines").withQuery("lotId", "{{filter:lot}}"));
        m.operation("GET /api/v1/compliance/{scope}/{id}", october(get("/api/v1/compliance/agreements/{{agreement}}")),
                october(get("/api/v1/compliance/producers/{{producer}}")),
                get("/api/v1/compliance/networks/{{network}}"),
                october(get("/api/v1/compliance/buyers/{{buyer}}")));
    }

    private static Request october(Request request) {
        return request.withQuery("from", OCT_1.toString()).withQuery("to", "2026-10-31");
    }

    /**
     * An association selling milk to its buyer: a producer who delivered in the first fortnight of
     * October and a second one, a charge, a remittance and the fortnight's settlement, closed.
     */
    private Tenant tenant(String name, String buyerName, String producerName, String fellowName, String price,
            String quantity, String chargeAmount, String remitted) {
        UUID organisation = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UpstreamEvents.publish(UpstreamEvents.organisation().id(organisation).name(name).registered(),
                UpstreamEvents.organisation().id(buyer).name(buyerName).kind("PROCESSOR").registered());
        Deliveries deliveries = new Deliveries(organisation, buyer, "milk", "L");
        UUID producer = deliveries.producer(producerName, UpstreamEvents.terms().basePrice(price));
        UUID fellow = deliveries.producer(fellowName, UpstreamEvents.terms().basePrice(price));
        UUID lot = deliveries.lot(producer, OCT_1.plusDays(1), quantity, "ACCEPTED").id();
        deliveries.awaitAll(em);
        Feed.awaitTermsOf(em, producer);
        Feed.awaitTermsOf(em, fellow);
        Header treasurer = TestTokens.as(organisation, Roles.TREASURER);
        UUID charge = UUID.randomUUID();
        given().header(treasurer).contentType(ContentType.JSON).body(Map.of("id", charge, "organisationId",
                organisation, "producerId", producer, "kind", "FEED", "description", "Concentrado", "amount",
                new BigDecimal(chargeAmount), "chargeDate", OCT_1.plusDays(1).toString(), "instalments", 1))
                .post("/api/v1/charges").then().statusCode(201);
        UUID remittance = UUID.randomUUID();
        given().header(treasurer).contentType(ContentType.JSON).body(Map.of("id", remittance, "organisationId",
                organisation, "buyerId", buyer, "fortnightStart", OCT_1.toString(), "product", "milk", "quantityPaid",
                new BigDecimal(quantity), "unit", "L", "amount", new BigDecimal(remitted), "receivedOn", "2026-10-20"))
                .post("/api/v1/remittances").then().statusCode(201);
        JsonPath run = given().header(treasurer).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisation, "fortnightStart", OCT_1.toString()))
                .post("/api/v1/settlements/runs").then().statusCode(200).extract().jsonPath();
        UUID settlement = UUID.fromString(run.getString("id"));
        given().header(treasurer).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/settlements/" + settlement + "/closing").then().statusCode(200);
        return new Tenant(organisation, buyer, producer, fellow, charge, remittance, settlement,
                UUID.fromString(run.getString("lastRunId")), deliveries.agreementOf(producer),
                deliveries.agreementOf(fellow), UUID.randomUUID(), lot);
    }
}

package org.articula.contracts.security;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.articula.contracts.support.Fixtures.milkClauses;
import static org.articula.localstack.testing.isolation.IsolationMatrix.get;
import static org.articula.localstack.testing.isolation.IsolationMatrix.post;
import static org.articula.localstack.testing.isolation.IsolationMatrix.put;
import static org.articula.localstack.testing.isolation.IsolationMatrix.send;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.isolation.IsolationMatrix;
import org.articula.localstack.testing.isolation.IsolationMatrix.Caller;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of contracts-service as a matrix ({@link IsolationMatrix}): every operation, every
 * role of another organisation and a fellow producer, every id of organisation A in every place.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class ContractsIsolationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));
    static final ObjectMapper JSON = new ObjectMapper();

    /** One organisation's registered world. */
    record Tenant(UUID organisation, UUID group, UUID producer, UUID fellow, UUID buyer, UUID agreement,
            String nationalId, String phone, UUID certification, UUID parcel) {

        Map<String, String> own() {
            return Map.of("organisation", organisation.toString(), "group", group.toString(), "producer",
                    producer.toString(), "agreement", agreement.toString(), "buyer", buyer.toString(),
                    "certification", certification.toString(), "parcel", parcel.toString());
        }
    }

    @Test
    void noRoleOfAnotherOrganisationReachesAnythingOfOrganisationA() throws Exception {
        Tenant a = tenant("Asociación Ganadera Isolda", "Red Isolda Alta", "Rosalinda Ticona Mamani", "+51987650011",
                "Fidel Ticona Quispe", "Lácteos Isolda S.A.C.", "1.4371", "queso_isolda", "Queso fresco Isolda");
        Tenant b = tenant("Cooperativa Valle Sur", "Red Valle Sur", "Teodoro Ccama Flores", "+51912340022",
                "Marta Huanca Rojas", "Planta Valle Sur S.A.C.", "1.0300", "yogur_valle", "Yogur Valle Sur");
        Set<String> everythingOfA = Set.of("Asociación Ganadera Isolda", "Red Isolda Alta", "Rosalinda Ticona Mamani",
                "Fidel Ticona Quispe", a.nationalId(), a.phone(), "Lácteos Isolda S.A.C.", "1.4371",
                "Queso fresco Isolda",
                a.organisation().toString(), a.group().toString(), a.producer().toString(), a.fellow().toString(),
                a.buyer().toString(), a.agreement().toString(), a.certification().toString(), a.parcel().toString());
        Map<String, String> fellowOwn = new HashMap<>(a.own());
        fellowOwn.put("producer", a.fellow().toString());

        String producersOfA = "/api/v1/organisations/" + a.organisation() + "/producers";
        IsolationMatrix matrix = new IsolationMatrix("contracts-service")
                .unchangedFor(TestTokens.as(a.organisation(), Roles.AUDITOR), "/api/v1/agreements/" + a.agreement(),
                        "/api/v1/agreements/" + a.agreement() + "/versions", "/api/v1/organisations",
                        producersOfA, producersOfA + "/" + a.producer(),
                        "/api/v1/organisations/" + a.organisation() + "/products", "/api/v1/certifications",
                        "/api/v1/producers/" + a.producer() + "/parcels")
                .foreign("organisation", a.organisation()).foreign("group", a.group())
                .foreign("producer", a.producer()).foreign("agreement", a.agreement())
                .foreign("certification", a.certification()).foreign("parcel", a.parcel())
                .everyRoleOf("B", b.organisation(), b.producer(), b.own(), everythingOfA)
                .caller(new Caller("A's other producer", TestTokens.as(TestTokens.sign(Tokens.Claims
                        .of("Fidel", a.organisation(), Roles.PRODUCER).withProducer(a.fellow()))), fellowOwn,
                        Set.of("Rosalinda Ticona Mamani", a.nationalId(), a.phone(), a.producer().toString())));
        operations(matrix);
        matrix.run();
    }

    static void operations(IsolationMatrix m) throws Exception {
        String clauses = JSON.writeValueAsString(milkClauses("1.0300"));
        String agreementUrl = "/api/v1/agreements/{{agreement}}";
        String producers = "/api/v1/organisations/{{organisation}}/producers";
        m.operation("GET /api/v1/agreements",
                get("/api/v1/agreements").withQuery("organisationId", "{{filter:organisation}}"),
                get("/api/v1/agreements").withQuery("producerId", "{{filter:producer}}"),
                get("/api/v1/agreements").withQuery("groupId", "{{filter:group}}"),
                get("/api/v1/agreements").withQuery("buyerId", "{{buyer}}"));
        m.operation("POST /api/v1/agreements", post("/api/v1/agreements", """
                {"id":"{{new:agreement}}","buyerId":"{{buyer}}","counterparty":{"type":"PRODUCER","id":"{{producer}}"},
                 "product":"milk","startDate":"%s","endDate":"%s","clauses":%s}""".formatted(TODAY, TODAY.plusDays(90),
                clauses)), post("/api/v1/agreements",
                        """
                {"id":"%s","buyerId":"{{buyer}}","counterparty":{"type":"PRODUCER_GROUP","id":"{{group}}"},
                 "product":"milk","startDate":"%s","endDate":"%s","clauses":%s}""".formatted(UUID.randomUUID(), TODAY,
                                TODAY.plusDays(90), clauses)));
        m.operation("GET /api/v1/agreements/applicable",
                get("/api/v1/agreements/applicable").withQuery("producerId", "{{producer}}").withQuery("product",
                        "milk"));
        m.operation("PUT /api/v1/agreements/{id}", put(agreementUrl, """
                {"version":0,"startDate":"%s","endDate":"%s","clauses":%s}""".formatted(TODAY, TODAY.plusDays(60),
                clauses)));
        m.operation("GET /api/v1/agreements/{id}", get(agreementUrl));
        m.operation("POST /api/v1/agreements/{id}/activation", post(agreementUrl + "/activation", "{}"));
        m.operation("POST /api/v1/agreements/{id}/amendments", post(agreementUrl + "/amendments", """
                {"id":"%s","version":1,"effectiveFrom":"%s","clauses":%s,"reason":"precio nuevo"}"""
                .formatted(UUID.randomUUID(), TODAY.plusDays(1), clauses)));
        m.operation("GET /api/v1/agreements/{id}/as-of",
                get(agreementUrl + "/as-of").withQuery("date", TODAY.toString()));
        m.operation("POST /api/v1/agreements/{id}/reactivation", post(agreementUrl + "/reactivation", "{}"));
        m.operation("POST /api/v1/agreements/{id}/suspension", post(agreementUrl + "/suspension",
                "{\"reason\":\"antibióticos\"}"));
        m.operation("POST /api/v1/agreements/{id}/termination", post(agreementUrl + "/termination",
                "{\"reasonCode\":\"MUTUAL\"}"));
        m.operation("GET /api/v1/agreements/{id}/versions", get(agreementUrl + "/versions"));
        m.operation("POST /api/v1/agreements/{id}/assistance", post(agreementUrl + "/assistance", """
                {"id":"%s","kind":"VETERINARY_SERVICE","deliveredOn":"%s","deliveredBy":"MV Jorge Salazar",
                 "cost":45.01,"producerIds":["{{producer}}"]}""".formatted(UUID.randomUUID(), TODAY)));
        m.operation("GET /api/v1/agreements/{id}/assistance", get(agreementUrl + "/assistance"));
        m.operation("GET /api/v1/assistance/free-cost", get("/api/v1/assistance/free-cost")
                .withQuery("buyerId", "{{buyer}}").withQuery("from", TODAY.minusDays(30).toString())
                .withQuery("to", TODAY.toString()));
        m.operation("POST /api/v1/certifications", post("/api/v1/certifications", """
                {"id":"{{new:certification}}","producerId":"{{producer}}","scheme":"FAIRTRADE","certifier":"FLOCERT",
                 "products":["milk"],"code":"FT-1","validFrom":"%s","validTo":"%s"}""".formatted(TODAY,
                TODAY.plusDays(30))), post("/api/v1/certifications",
                        """
                {"id":"%s","organisationId":"{{group}}","scheme":"ORGANIC","certifier":"Control Union Perú",
                 "products":["milk"],"code":"CU-2","validFrom":"%s","validTo":"%s"}""".formatted(UUID.randomUUID(),
                                TODAY, TODAY.plusDays(30))));
        m.operation("GET /api/v1/certifications", get("/api/v1/certifications"),
                get("/api/v1/certifications").withQuery("producerId", "{{producer}}"),
                get("/api/v1/certifications").withQuery("organisationId", "{{organisation}}"),
                get("/api/v1/certifications").withQuery("organisationId", "{{group}}"));
        m.operation("GET /api/v1/certifications/expiring",
                get("/api/v1/certifications/expiring").withQuery("withinDays", "366"));
        m.operation("GET /api/v1/certifications/{id}", get("/api/v1/certifications/{{certification}}"));
        String parcels = "/api/v1/producers/{{producer}}/parcels";
        m.operation("POST /api/v1/producers/{producerId}/parcels", post(parcels,
                """
                {"parcelId":"{{new:parcel}}","name":"Chacra Otra","product":"cacao","declaredAreaHectares":2,
                 "geometry":{"type":"Point","coordinates":[-72.690001,-12.850001]},"deforestationFreeSince2020":true}"""));
        m.operation("GET /api/v1/producers/{producerId}/parcels", get(parcels));
        m.operation("GET /api/v1/producers/{producerId}/parcels/{parcelId}", get(parcels + "/{{parcel}}"));
        m.platformOperations(false);
        m.operation("GET /api/v1/audit",
                get("/api/v1/audit").withQuery("resourceType", "Agreement").withQuery("resourceId",
                        "{{filter:agreement}}"),
                get("/api/v1/audit").withQuery("resourceType", "Producer").withQuery("resourceId",
                        "{{filter:producer}}"),
                get("/api/v1/audit"));
        m.operation("POST /api/v1/organisations", post("/api/v1/organisations", """
                {"id":"{{new:group}}","name":"Red nueva","kind":"PRODUCER_GROUP","parentId":"{{organisation}}"}"""));
        m.operation("GET /api/v1/organisations", get("/api/v1/organisations"),
                get("/api/v1/organisations").withQuery("q", "Isolda"));
        m.operation("GET /api/v1/organisations/buyers", get("/api/v1/organisations/buyers"));
        m.operation("PUT /api/v1/organisations/{organisationId}",
                put("/api/v1/organisations/{{organisation}}", "{\"name\":\"Nombre cambiado\",\"version\":0}"),
                put("/api/v1/organisations/{{group}}", "{\"name\":\"Nombre cambiado\",\"version\":0}"));
        m.operation("GET /api/v1/organisations/{organisationId}", get("/api/v1/organisations/{{organisation}}"),
                get("/api/v1/organisations/{{group}}"));
        m.operation("POST /api/v1/organisations/{organisationId}/producers", post(producers, """
                {"id":"{{new:producer}}","nationalId":"%s","name":"Nuevo Productor","district":"Laredo",
                 "groupId":"{{group}}"}""".formatted(dni())));
        m.operation("GET /api/v1/organisations/{organisationId}/producers", get(producers),
                get(producers).withQuery("groupId", "{{filter:group}}"), get(producers).withQuery("q", "Ticona"));
        m.operation("POST /api/v1/organisations/{organisationId}/producers/import", send("POST",
                producers + "/import", "text/csv", "nationalId,name,district,groupId,id\n" + dni()
                        + ",Nuevo Uno,Laredo,{{group}},{{new:producer}}\n" + dni() + ",Nuevo Dos,Laredo,,\n")
                .withQuery("groupId", "{{group}}"));
        m.operation("PUT /api/v1/organisations/{organisationId}/producers/{producerId}",
                put(producers + "/{{producer}}",
                        "{\"name\":\"Cambiado\",\"district\":\"Laredo\",\"groupId\":\"{{group}}\",\"version\":0}"));
        m.operation("GET /api/v1/organisations/{organisationId}/producers/{producerId}",
                get(producers + "/{{producer}}"));
        m.operation("GET /api/v1/organisations/{organisationId}/products",
                get("/api/v1/organisations/{{organisation}}/products"));
        // A's product code under A's organisation, then under the caller's own, where it names nothing.
        m.operation("GET /api/v1/organisations/{organisationId}/products/{code}",
                get("/api/v1/organisations/{{organisation}}/products/queso_isolda"));
        m.operation("POST /api/v1/organisations/{organisationId}/products",
                post("/api/v1/organisations/{{organisation}}/products",
                        "{\"code\":\"mantequilla\",\"name\":\"Mantequilla\",\"unit\":\"kg\"}"));
    }

    /** An association with a network, two producers, a product and an active agreement with its buyer. */
    private static Tenant tenant(String name, String network, String producerName, String phone, String fellowName,
            String buyerName,
            String basePrice, String productCode, String productName) {
        UUID organisation = Fixtures.organisation(name, "ASSOCIATION", null);
        UUID group = Fixtures.organisation(network, "PRODUCER_GROUP", organisation);
        UUID buyer = Fixtures.organisation(buyerName, "PROCESSOR", null);
        String nationalId = dni();
        UUID producer = UUID.randomUUID();
        var admin = TestTokens.as(organisation, Roles.BUYER_ADMIN);
        given().header(admin).contentType(ContentType.JSON).body(Map.of("id", producer, "nationalId", nationalId,
                "name", producerName, "district", "Laredo", "phone", phone, "groupId", group))
                .post("/api/v1/organisations/" + organisation + "/producers").then().statusCode(201);
        UUID fellow = Fixtures.producer(organisation, group, dni(), fellowName);
        given().header(admin).contentType(ContentType.JSON)
                .body(Map.of("code", productCode, "name", productName, "unit", "kg"))
                .post("/api/v1/organisations/" + organisation + "/products").then().statusCode(201);
        Map<String, Object> body = agreement(buyer, "PRODUCER", producer, TODAY.minusDays(10), TODAY.plusDays(300));
        body.put("clauses", milkClauses(basePrice));
        given().header(admin).contentType(ContentType.JSON).body(body).post("/api/v1/agreements").then()
                .statusCode(201);
        UUID agreement = (UUID) body.get("id");
        given().header(admin).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/agreements/" + agreement + "/activation").then().statusCode(200);
        UUID certification = UUID.randomUUID();
        given().header(admin).contentType(ContentType.JSON).body(Map.of("id", certification, "producerId", producer,
                "scheme", "ORGANIC", "certifier", "Control Union Perú", "products", List.of("milk"), "code",
                "CU-" + name.length(), "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(20).toString()))
                .post("/api/v1/certifications").then().statusCode(201);
        UUID parcel = UUID.randomUUID();
        given().header(admin).contentType(ContentType.JSON).body("""
                {"parcelId":"%s","name":"Chacra %s","product":"cacao","declaredAreaHectares":1.5,
                 "geometry":{"type":"Point","coordinates":[-72.693512,-12.859874]},"deforestationFreeSince2020":true}"""
                .formatted(parcel, producerName)).post("/api/v1/producers/" + producer + "/parcels").then()
                .statusCode(201);
        return new Tenant(organisation, group, producer, fellow, buyer, agreement, nationalId, phone, certification,
                parcel);
    }
}

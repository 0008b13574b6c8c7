package org.articula.contracts.robustness;

import static io.restassured.RestAssured.given;
import static org.articula.contracts.support.Fixtures.agreement;
import static org.articula.contracts.support.Fixtures.dni;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.function.Supplier;
import org.articula.contracts.domain.NationalId;
import org.articula.contracts.support.Fixtures;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.robustness.ApiRequest;
import org.articula.localstack.testing.robustness.RobustnessReport;
import org.articula.localstack.testing.robustness.RobustnessSuite;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.Test;

/**
 * Every operation of contracts-service sent hostile input of every class (see {@link RobustnessSuite}),
 * from valid requests on an association selling milk to a processor.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "contracts"))
class ContractsRobustnessTest {

    @Inject
    InboxConsumer inbox;

    static final String AGREEMENTS = "/api/v1/agreements";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    UUID processor;
    UUID association;
    UUID network;

    @Test
    void everyOperationRefusesHostileInputWithANamedProblemAndWritesNothing() throws Exception {
        processor = Fixtures.organisation("Planta Lechera Robusta S.A.C.", "PROCESSOR", null);
        association = Fixtures.organisation("Asociación Robusta de Laredo", "ASSOCIATION", null);
        network = Fixtures.organisation("Red Robusta", "PRODUCER_GROUP", association);
        UUID member = Fixtures.producer(association, network, dni(), "Rosa Quispe Huamán");
        TestTokens.actAs("Carmen Vásquez", association, Roles.BUYER_ADMIN, Roles.AUDITOR);
        UUID active = activeAgreement();
        UUID served = Fixtures.producer(association, network, dni(), "Teresa Alva Ruiz");
        UUID assisted = activeAgreement(served);
        UUID certification = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("id", certification, "organisationId", association,
                "scheme", "FAIRTRADE", "certifier", "FLOCERT", "products", List.of("milk"), "code", "FT-3301",
                "validFrom", TODAY.toString(), "validTo", TODAY.plusDays(30).toString()))
                .post("/api/v1/certifications").then().statusCode(201);
        UUID parcel = UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                {"parcelId":"%s","name":"Chacra Alta","product":"coffee","declaredAreaHectares":1,
                 "geometry":{"type":"Point","coordinates":[-72.690001,-12.850001]},"deforestationFreeSince2020":true}"""
                .formatted(parcel)).post("/api/v1/producers/" + member + "/parcels").then().statusCode(201);
        String organisations = "/api/v1/organisations";
        String producers = organisations + "/{organisationId}/producers";

        RobustnessReport report = RobustnessSuite.forService("contracts-service", "contracts")
                .platformOperations(inbox.consumerName())
                .seed("GET " + AGREEMENTS, () -> ApiRequest.empty().withQuery("producerId", member)
                        .withQuery("buyerId", processor).withQuery("groupId", network)
                        .withQuery("organisationId", association).withQuery("product", "milk")
                        .withQuery("status", "ACTIVE").withQuery("page", 0).withQuery("size", 10))
                .seed("POST " + AGREEMENTS, () -> ApiRequest.json(agreement(processor, "PRODUCER",
                        Fixtures.producer(association, network, dni(), "Julio Rodríguez Cruz"), TODAY,
                        TODAY.plusDays(180))))
                .seed("GET " + AGREEMENTS + "/applicable", () -> ApiRequest.empty().withQuery("producerId", member)
                        .withQuery("product", "milk").withQuery("date", TODAY))
                .seed("GET " + AGREEMENTS + "/{id}", () -> ApiRequest.empty().withPath("id", active))
                .seed("PUT " + AGREEMENTS + "/{id}", () -> {
                    UUID draft = draft();
                    return ApiRequest.json(Map.of("version", 0, "startDate", TODAY.toString(),
                            "endDate", TODAY.plusDays(90).toString(), "clauses", Fixtures.milkClauses("1.04")))
                            .withPath("id", draft);
                })
                .seed("POST " + AGREEMENTS + "/{id}/activation", () -> ApiRequest.json(Map.of("effectiveOn",
                        TODAY.toString(), "reason", "firmado")).withPath("id", draft()))
                .seed("POST " + AGREEMENTS + "/{id}/amendments", () -> {
                    UUID id = activeAgreement();
                    return ApiRequest.json(Map.of("id", UUID.randomUUID(), "version", version(id),
                            "effectiveFrom", TODAY.plusDays(1).toString(), "clauses", Fixtures.milkClauses("1.08"),
                            "reason", "nuevo precio")).withPath("id", id);
                })
                .seed("GET " + AGREEMENTS + "/{id}/as-of", () -> ApiRequest.empty().withPath("id", active)
                        .withQuery("date", TODAY))
                .seed("POST " + AGREEMENTS + "/{id}/suspension", () -> ApiRequest.json(Map.of("effectiveOn",
                        TODAY.toString(), "reason", "sequía")).withPath("id", activeAgreement()))
                .seed("POST " + AGREEMENTS + "/{id}/reactivation", () -> {
                    UUID id = activeAgreement();
                    given().contentType(ContentType.JSON).body(Map.of("reason", "sequía"))
                            .post(AGREEMENTS + "/" + id + "/suspension").then().statusCode(200);
                    return ApiRequest.json(Map.of("effectiveOn", TODAY.toString(), "reason", "llovió"))
                            .withPath("id", id);
                })
                .seed("POST " + AGREEMENTS + "/{id}/termination", () -> ApiRequest.json(Map.of("reasonCode",
                        "PRODUCER_LEFT", "reason", "vende directo", "effectiveOn", TODAY.toString()))
                        .withPath("id", activeAgreement()))
                .seed("GET " + AGREEMENTS + "/{id}/versions", () -> ApiRequest.empty().withPath("id", active))
                .seed("POST " + AGREEMENTS + "/{id}/assistance", () -> ApiRequest.json(Map.of("id", UUID.randomUUID(),
                        "kind", "VETERINARY_SERVICE", "deliveredOn", TODAY.toString(), "deliveredBy",
                        "MV Jorge Salazar",
                        "description", "desparasitación", "cost", new java.math.BigDecimal("45.01"),
                        "producerIds", List.of(served))).withPath("id", assisted))
                .seed("GET " + AGREEMENTS + "/{id}/assistance", () -> ApiRequest.empty().withPath("id", active))
                .seed("GET /api/v1/assistance/free-cost", () -> ApiRequest.empty().withQuery("buyerId", processor)
                        .withQuery("from", TODAY.minusDays(7)).withQuery("to", TODAY))
                .seed("GET /api/v1/audit", () -> ApiRequest.empty().withQuery("resourceType", "Agreement")
                        .withQuery("resourceId", active).withQuery("from", TODAY.minusDays(1))
                        .withQuery("to", TODAY.plusDays(1)).withQuery("limit", 10))
                .seed("POST " + organisations, () -> {
                    UUID id = UUID.randomUUID();
                    return ApiRequest.json(Map.of("id", id, "name", "Asociación Nueva", "kind", "ASSOCIATION",
                            "ruc", ruc(), "district", "Laredo", "region", "La Libertad"))
                            .withHeader("Authorization", "Bearer " + TestTokens.token(id, Roles.BUYER_ADMIN));
                })
                .seed("GET " + organisations, () -> ApiRequest.empty().withQuery("kind", "ASSOCIATION")
                        .withQuery("q", "robusta").withQuery("page", 0).withQuery("size", 10))
                .seed("GET " + organisations + "/buyers", () -> ApiRequest.empty().withQuery("ruc", ruc()))
                .seed("PUT " + organisations + "/{organisationId}", () -> ApiRequest.json(Map.of(
                        "name", "Asociación Robusta de Laredo", "district", "Laredo", "region", "La Libertad",
                        "version", given().get(organisations + "/" + association).then().extract().jsonPath()
                                .getLong("version")))
                        .withPath("organisationId", association))
                .seed("GET " + organisations + "/{organisationId}", () -> ApiRequest.empty()
                        .withPath("organisationId", association))
                .seed("POST " + producers, () -> ApiRequest.json(Map.of("id", UUID.randomUUID(), "nationalId", dni(),
                        "name", "Julio Rodríguez Cruz", "district", "Laredo", "region", "La Libertad",
                        "phone", "987654321", "groupId", network)).withPath("organisationId", association))
                .seed("GET " + producers, () -> ApiRequest.empty().withPath("organisationId", association)
                        .withQuery("groupId", network).withQuery("q", "rosa").withQuery("page", 0)
                        .withQuery("size", 10))
                .seed("POST " + producers + "/import", () -> ApiRequest.empty()
                        .withBody("nationalId,name,district\n" + dni() + ",María Huaman Vasquez,Laredo\n", "text/csv")
                        .withPath("organisationId", association).withQuery("groupId", network))
                .seed("PUT " + producers + "/{producerId}", () -> ApiRequest.json(Map.of("name", "Rosa Quispe Huamán",
                        "district", "Laredo", "region", "La Libertad", "phone", "987654321", "groupId", network,
                        "version", given().get(organisations + "/" + association + "/producers/" + member).then()
                                .extract().jsonPath().getLong("version")))
                        .withPath("organisationId", association).withPath("producerId", member))
                .seed("GET " + producers + "/{producerId}", () -> ApiRequest.empty()
                        .withPath("organisationId", association).withPath("producerId", member))
                .seed("GET " + organisations + "/{organisationId}/products", () -> ApiRequest.empty()
                        .withPath("organisationId", association))
                .seed("POST " + organisations + "/{organisationId}/products", productCodes(association))
                .seed("GET " + organisations + "/{organisationId}/products/{code}", () -> ApiRequest.empty()
                        .withPath("organisationId", association).withPath("code", "milk"))
                .seed("POST /api/v1/certifications", () -> ApiRequest.json(Map.of("id", UUID.randomUUID(),
                        "producerId", member, "scheme", "ORGANIC", "certifier", "Control Union Perú", "products",
                        List.of("milk"), "code", "CU-PE-820145", "validFrom", TODAY.toString(), "validTo",
                        TODAY.plusDays(365).toString(), "documentRef", "certificados/cu.pdf")))
                .seed("GET /api/v1/certifications", () -> ApiRequest.empty().withQuery("producerId", member))
                .seed("GET /api/v1/certifications/expiring", () -> ApiRequest.empty().withQuery("withinDays", 60))
                .seed("GET /api/v1/certifications/{id}", () -> ApiRequest.empty().withPath("id", certification))
                .seed("POST /api/v1/producers/{producerId}/parcels", () -> ApiRequest.json(Map.of("parcelId",
                        UUID.randomUUID(), "name", "Chacra Santa Rosa", "product", "cacao", "declaredAreaHectares",
                        new java.math.BigDecimal("3.5"), "geometry", Map.of("type", "Point", "coordinates",
                                List.of(new java.math.BigDecimal("-72.693512"),
                                        new java.math.BigDecimal("-12.859874"))),
                        "deforestationFreeSince2020", true)).withPath("producerId", member))
                .seed("GET /api/v1/producers/{producerId}/parcels", () -> ApiRequest.empty()
                        .withPath("producerId", member))
                .seed("GET /api/v1/producers/{producerId}/parcels/{parcelId}", () -> ApiRequest.empty()
                        .withPath("producerId", member).withPath("parcelId", parcel))
                .run();

        assertEquals(List.of(), report.failures());
    }

    // A product code nobody used yet: a code registered twice is a repeat.
    private static Supplier<ApiRequest> productCodes(UUID association) {
        int[] next = { 0 };
        return () -> ApiRequest.json(Map.of("code", "queso_" + next[0]++, "name", "Queso fresco", "unit", "kg"))
                .withPath("organisationId", association);
    }

    // Each with a producer of its own: two agreements in force for one producer and product would conflict.
    private UUID draft() {
        return draft(Fixtures.producer(association, network, dni(), "Julio Rodríguez Cruz"));
    }

    private UUID draft(UUID producer) {
        Map<String, Object> body = new HashMap<>(
                agreement(processor, "PRODUCER", producer, TODAY, TODAY.plusDays(180)));
        given().contentType(ContentType.JSON).body(body).post(AGREEMENTS).then().statusCode(201);
        return (UUID) body.get("id");
    }

    private UUID activeAgreement() {
        return activeAgreement(Fixtures.producer(association, network, dni(), "Julio Rodríguez Cruz"));
    }

    private UUID activeAgreement(UUID producer) {
        UUID id = draft(producer);
        given().contentType(ContentType.JSON).body(Map.of()).post(AGREEMENTS + "/" + id + "/activation")
                .then().statusCode(200);
        return id;
    }

    private static String ruc() {
        String first10 = "20" + dni();
        return first10 + NationalId.rucCheckDigit(first10);
    }

    private static long version(UUID agreement) {
        return given().get(AGREEMENTS + "/" + agreement).then().extract().jsonPath().getLong("version");
    }
}

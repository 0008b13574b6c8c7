package org.articula.contracts.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.TestTokens;

/**
 * Parties and agreement bodies as the Laredo dairy association negotiates them, built through the
 * REST API. Bodies are mutable maps so a test can break one field. Organisations and producers are
 * registered by a manager of their own organisation; everything else goes as the test's default user
 * ({@link TestTokens#actAs}).
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static UUID organisation(String name, String kind, UUID parentId) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "name", name, "kind", kind));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        given().header(TestTokens.as(parentId == null ? id : parentId, TestTokens.STAFF))
                .contentType(ContentType.JSON).body(body).post("/api/v1/organisations").then().statusCode(201);
        return id;
    }

    public static UUID producer(UUID organisationId, UUID groupId, String nationalId, String name) {
        UUID id = UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "nationalId", nationalId, "name", name,
                "district", "Laredo"));
        if (groupId != null) {
            body.put("groupId", groupId);
        }
        given().header(TestTokens.as(organisationId, TestTokens.STAFF)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/organisations/" + organisationId + "/producers")
                .then().statusCode(201);
        return id;
    }

    /** A DNI nobody else in the run has: 8 digits from the id. */
    public static String dni() {
        return String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    /** Milk for a processor: solids ≥ 11.5 %, ≤ 10 °C, no antibiotics; S/ 1.03 + 0.05 over 12 % solids. */
    public static Map<String, Object> milkClauses(String basePrice) {
        Map<String, Object> quality = new HashMap<>(Map.of("parameters", new ArrayList<>(List.of(
                new HashMap<>(Map.of("code", "total_solids", "name", "Sólidos totales", "kind", "NUMERIC", "unit", "%",
                        "min", 11.5, "required", true)),
                new HashMap<>(Map.of("code", "temperature", "kind", "NUMERIC", "unit", "°C", "max", 10)),
                new HashMap<>(Map.of("code", "antibiotics", "name", "Antibióticos", "kind", "BOOLEAN",
                        "passValue", false))))));
        Map<String, Object> price = new HashMap<>(
                Map.of("currency", "PEN", "basePrice", new java.math.BigDecimal(basePrice),
                        "qualityAdjustments", new ArrayList<>(List.of(new HashMap<>(Map.of("parameter", "total_solids",
                                "from", 12, "amountPerUnit", 0.05)))),
                        "volumeTiers", List.of(Map.of("minQuantity", 5000, "bonusPerUnit", 0.01)),
                        "paymentFrequency", "FORTNIGHTLY", "paymentTermDays", 7));
        Map<String, Object> quantity = new HashMap<>(Map.of("committedQuantity", 60, "per", "DAY",
                "tolerancePercent", 10, "shortfallPenaltyPerUnit", 0.02));
        Map<String, Object> assistance = Map.of("services", List.of(
                Map.of("kind", "TECHNICAL_VISITS", "visitsPerMonth", 2, "chargedToProducer", false),
                Map.of("kind", "VETERINARY_SERVICE", "description", "Sanidad animal", "chargedToProducer", true),
                Map.of("kind", "FEED_SUPPLY", "description", "Concentrado", "chargedToProducer", true)),
                "maxInstalments", 2);
        return new HashMap<>(
                Map.of("quality", quality, "quantity", quantity, "price", price, "assistance", assistance));
    }

    public static Map<String, Object> agreement(UUID buyerId, String counterpartyType, UUID counterpartyId,
            LocalDate start, LocalDate end) {
        return new HashMap<>(Map.of("id", UUID.randomUUID(), "buyerId", buyerId,
                "counterparty", Map.of("type", counterpartyType, "id", counterpartyId), "product", "milk",
                "startDate", start.toString(), "endDate", end.toString(), "clauses", milkClauses("1.03"),
                "by", "Carmen Vásquez (jefa de acopio)")); // "by" is ignored now: the token says who
    }

    /** Posts the body, activates it and returns its id. */
    public static UUID activeAgreement(Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body).post("/api/v1/agreements").then().statusCode(201);
        UUID id = (UUID) body.get("id");
        given().contentType(ContentType.JSON).body(Map.of("by", "Carmen Vásquez"))
                .post("/api/v1/agreements/" + id + "/activation").then().statusCode(200);
        return id;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> at = map;
        for (String key : keys) {
            at = (Map<String, Object>) at.get(key);
        }
        return at;
    }
}

package org.articula.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.specification.RequestSpecification;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.articula.localstack.LocalStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as separate processes on a real PostgreSQL and a real Kafka broker, driven only
 * through their public APIs: an agreement registered in contracts-service governs the lots recorded in
 * lots-service, and payments-service settles them, all three learning from each other's events.
 */
class FortnightEndToEndTest {

    static final ZoneId LIMA = ZoneId.of("America/Lima");

    static LocalStack stack;
    static String contracts;
    static String lots;
    static String payments;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        Path root = Path.of(System.getProperty("articula.root", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("articula-e2e");
        int servicesBase = freeRun(3);
        Map<String, String> env = Map.of("ARTICULA_PG_PORT", Integer.toString(freeRun(1)),
                "ARTICULA_KAFKA_PORT", Integer.toString(freeRun(2)),
                "ARTICULA_PORT_BASE", Integer.toString(servicesBase),
                "ARTICULA_SAMPLE_DATA", "false");
        stack = LocalStack.start(root, home, env);
        contracts = stack.baseUrl("contracts-service");
        lots = stack.baseUrl("lots-service");
        payments = stack.baseUrl("payments-service");
    }

    private static RequestSpecification as(String token) {
        return new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }

    @AfterAll
    static void stop() {
        RestAssured.requestSpecification = null;
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFortnightOfMilkIsJudgedAndSettledFromTheAgreementThroughKafka() {
        LocalDate today = LocalDate.now(LIMA);
        LocalDate[] fortnight = lastCompleteFortnight(today);
        // Each organisation's users come with its id in their token: the processor registers itself, then
        // everything else is done by the association's manager.
        UUID processor = UUID.randomUUID();
        given().header("Authorization", "Bearer " + stack.token("Planta", processor, "buyer-admin"))
                .contentType(ContentType.JSON).body(Map.of("id", processor, "name", "Planta Lechera del Norte S.A.C.",
                        "kind", "PROCESSOR")).post(contracts + "/api/v1/organisations").then().statusCode(201);
        UUID association = UUID.randomUUID();
        RestAssured.requestSpecification = as(stack.token("Carmen Vásquez", association, "buyer-admin",
                "centre-operator", "treasurer"));
        post(contracts + "/api/v1/organisations", association, Map.of("name",
                "Asociación de Productores Lecheros de Laredo", "kind", "ASSOCIATION", "district", "Laredo"));
        UUID network = post(contracts + "/api/v1/organisations", Map.of("name", "Red Santa Rosa", "kind",
                "PRODUCER_GROUP", "parentId", association));
        UUID rosa = post(contracts + "/api/v1/organisations/" + association + "/producers", Map.of("nationalId",
                "45871236", "name", "Rosa Quispe Huamán", "district", "Laredo", "groupId", network));
        UUID julio = post(contracts + "/api/v1/organisations/" + association + "/producers", Map.of("nationalId",
                "41234567", "name", "Julio Rodríguez Cruz", "district", "Laredo", "groupId", network));

        Map<String, Object> clauses = Map.of(
                "quality", Map.of("parameters", List.of(
                        Map.of("code", "total_solids", "name", "Sólidos totales", "kind", "NUMERIC", "unit", "%",
                                "min", 11.5),
                        Map.of("code", "antibiotics", "name", "Antibióticos", "kind", "BOOLEAN", "passValue", false))),
                "price", Map.of("currency", "PEN", "basePrice", 1.03, "paymentTermDays", 7,
                        "qualityAdjustments", List.of(Map.of("parameter", "total_solids", "from", 12,
                                "amountPerUnit", 0.05))),
                "assistance", Map.of("maxInstalments", 2, "services", List.of(
                        Map.of("kind", "FEED_SUPPLY", "description", "Concentrado", "chargedToProducer", true))));
        UUID agreement = post(contracts + "/api/v1/agreements", Map.of("buyerId", processor, "counterparty",
                Map.of("type", "PRODUCER_GROUP", "id", network), "product", "milk", "startDate",
                fortnight[0].toString(), "endDate", today.plusDays(365).toString(), "clauses", clauses,
                "by", "Carmen Vásquez"));
        given().contentType(ContentType.JSON).body(Map.of("by", "Carmen Vásquez"))
                .post(contracts + "/api/v1/agreements/" + agreement + "/activation").then().statusCode(200);

        UUID centre = post(lots + "/api/v1/collection-centres", Map.of("organisationId", association,
                "name", "Centro de Acopio Laredo", "district", "Laredo"));
        UUID operator = post(lots + "/api/v1/collection-centres/" + centre + "/operators", Map.of("name", "Julia Ramos"));
        List<Map<String, Object>> deliveries = List.of(
                lot(centre, operator, rosa, fortnight[0].plusDays(1), "MORNING", "20.5", "12.1", false),
                lot(centre, operator, rosa, fortnight[0].plusDays(2), "MORNING", "18", "11.6", false),
                lot(centre, operator, julio, fortnight[0].plusDays(1), "AFTERNOON", "15", "11.2", false),
                lot(centre, operator, julio, fortnight[0].plusDays(2), "AFTERNOON", "12.5", "11.9", false));
        // lots-service learns the agreement from contracts.events; until then the lots are refused, not lost.
        JsonPath batch = eventually("lots-service knows the agreement", () -> {
            JsonPath result = given().contentType(ContentType.JSON).body(Map.of("lots", deliveries))
                    .post(lots + "/api/v1/lots/batch").then().statusCode(200).extract().jsonPath();
            return result.getInt("refused") == 0 ? result : null;
        });
        assertEquals(List.of("ACCEPTED", "ACCEPTED", "REJECTED", "ACCEPTED"), batch.getList("results.receipt.verdict"));
        post(payments + "/api/v1/charges", Map.of("organisationId", association, "producerId", rosa, "kind", "FEED",
                "description", "Concentrado lechero", "amount", 10.01, "chargeDate", fortnight[0].plusDays(2).toString(),
                "instalments", 2, "by", "Tesorera"));

        // payments-service learns agreement and lots from contracts.events and lots.events.
        JsonPath settlement = eventually("payments-service has every lot", () -> {
            JsonPath run = given().contentType(ContentType.JSON).body(Map.of("organisationId", association,
                    "fortnightStart", fortnight[0].toString(), "by", "Tesorera"))
                    .post(payments + "/api/v1/settlements/runs").then().statusCode(200).extract().jsonPath();
            return run.getList("producers").size() == 2 && run.getFloat("gross") == 53.56f ? run : null;
        });
        String id = settlement.getString("id");
        // Rosa: 20.5 L x (1.03 + 0.05 over 12 % solids) = 22.14; 18 L x 1.03 = 18.54; first instalment 5.00.
        given().get(payments + "/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .body("producerName", is("Rosa Quispe Huamán"))
                .body("lines.amount", contains(22.14f, 18.54f)).body("gross", is(40.68f))
                .body("deductions.applied", contains(5.00f)).body("net", is(35.68f));
        // Julio: 15 L rejected (11.2 % solids), 12.5 L x 1.03 = 12.875 -> 12.88.
        given().get(payments + "/api/v1/settlements/" + id + "/statements/" + julio).then()
                .body("lines.kind", contains("REJECTED", "LOT")).body("lines.amount", contains(0f, 12.88f))
                .body("net", is(12.88f));

        given().contentType(ContentType.JSON).body(Map.of("by", "Tesorera"))
                .post(payments + "/api/v1/settlements/" + id + "/closing").then().statusCode(200)
                .body("status", is("CLOSED"));
        post(payments + "/api/v1/remittances", Map.of("organisationId", association, "buyerId", processor,
                "fortnightStart", fortnight[0].toString(), "product", "milk", "quantityPaid", 51.0, "unit", "L",
                "amount", 60.00, "receivedOn", fortnight[1].plusDays(5).toString(), "by", "Tesorera"));
        given().queryParams("organisationId", association, "fortnightStart", fortnight[0].toString())
                .get(payments + "/api/v1/reconciliations").then().statusCode(200)
                .body("buyers[0].quantityCollected", is(51.0f)).body("buyers[0].quantityPaidFor", is(51.0f))
                .body("totals.grossOwed", is(53.56f)).body("totals.margin", is(6.44f))
                .body("discrepancies.kind", not(hasItem("SHRINKAGE")));
    }

    private static Map<String, Object> lot(UUID centre, UUID operator, UUID producer, LocalDate day, String shift,
            String litres, String solids, boolean antibiotics) {
        Map<String, Object> lot = new HashMap<>(Map.of("id", UUID.randomUUID(), "centreId", centre, "operatorId",
                operator, "producerId", producer, "product", "milk", "quantity", new java.math.BigDecimal(litres),
                "unit", "L", "shift", shift, "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new java.math.BigDecimal(solids)),
                        Map.of("parameter", "antibiotics", "result", antibiotics))));
        lot.put("deliveredAt", day.atTime(shift.equals("MORNING") ? 6 : 16, 30).atZone(LIMA).toInstant().toString());
        return lot;
    }

    /** Creates with a fresh client id and returns it. */
    private static UUID post(String url, Map<String, Object> body) {
        return post(url, UUID.randomUUID(), body);
    }

    private static UUID post(String url, UUID id, Map<String, Object> body) {
        Map<String, Object> withId = new HashMap<>(body);
        withId.put("id", id);
        given().contentType(ContentType.JSON).body(withId).post(url).then().statusCode(201);
        return id;
    }

    private static <T> T eventually(String what, Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never true: " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** [1st, 15th] or [16th, last day]: the latest one that ended before today. */
    static LocalDate[] lastCompleteFortnight(LocalDate today) {
        if (today.getDayOfMonth() > 15) {
            LocalDate first = today.withDayOfMonth(1);
            return new LocalDate[] { first, first.withDayOfMonth(15) };
        }
        LocalDate previous = today.minusMonths(1);
        return new LocalDate[] { previous.withDayOfMonth(16), previous.withDayOfMonth(previous.lengthOfMonth()) };
    }

    /** The first of {@code count} consecutive free ports. */
    private static int freeRun(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int first;
            try (ServerSocket socket = new ServerSocket(0)) {
                first = socket.getLocalPort();
            }
            if (first + count >= 65535) {
                continue;
            }
            boolean free = true;
            for (int p = first + 1; p < first + count && free; p++) {
                try (ServerSocket socket = new ServerSocket(p)) {
                    free = true;
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return first;
            }
        }
        throw new IOException("no run of " + count + " free ports");
    }
}

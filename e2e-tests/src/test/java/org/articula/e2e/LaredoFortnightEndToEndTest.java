package org.articula.e2e;

import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.articula.localstack.LocalStack;
import org.articula.localstack.SampleDistributions;
import org.articula.localstack.security.Tokens;
import org.articula.localstack.testing.EventSchemas;
import org.articula.localstack.testing.TestTopics;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fortnight of the Laredo dairy association, played through the public APIs of the three services
 * running as separate processes on a real PostgreSQL and a real Kafka broker: two networks' milk
 * agreements (one amended from the 8th day), two shifts a day of lots with rejections and a
 * correction, feed and veterinary services on credit, the settlement run, closed and paid, and the
 * processor's payment reconciled. Halfway through the lot stream the broker is killed and started
 * again, lots-service is killed right after a batch and the batch is sent again, and payments-service
 * is killed while lots keep coming. Every expected figure below is worked out by hand in the comments.
 */
class LaredoFortnightEndToEndTest {

    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final ObjectMapper JSON = new ObjectMapper();

    static LocalStack stack;
    static String contracts;
    static String lots;
    static String payments;
    static String bearer;

    @BeforeAll
    static void startTheWholeSystem() throws Exception {
        Path root = Path.of(System.getProperty("articula.root", "..")).toAbsolutePath().normalize();
        stack = IsolatedStack.start(root, Files.createTempDirectory("articula-e2e"));
        contracts = stack.baseUrl("contracts-service");
        lots = stack.baseUrl("lots-service");
        payments = stack.baseUrl("payments-service");
        // Money compared as decimals, never as floats.
        RestAssured.config = RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    @AfterAll
    static void stop() {
        RestAssured.reset(); // the decimal config
        if (stack != null) {
            stack.close();
        }
    }

    /** One delivery as sent, and as it must show up in the settlement. */
    record Delivery(UUID id, UUID producer, int day, String shift, BigDecimal litres) {
    }

    @Test
    void aFortnightIsSettledToTheCentimoWithEveryLotOnceThroughCrashesOfTheBrokerAndTwoServices() throws Exception {
        LocalDate today = LocalDate.now(LIMA);
        LocalDate[] fortnight = SampleDistributions.lastCompleteFortnight(today);

        // --- contracts-service: the processor registers itself; the association's manager does the rest ---
        UUID processor = UUID.randomUUID();
        actAs(stack.token("Jefe de acopio, Planta", processor, "buyer-admin"));
        post(contracts + "/api/v1/organisations", processor, Map.of("name", "Planta Lechera del Norte S.A.C.",
                "kind", "PROCESSOR"));
        UUID association = UUID.randomUUID();
        actAs(stack.token("Carmen Vásquez", association, "buyer-admin"));
        post(contracts + "/api/v1/organisations", association, Map.of("name",
                "Asociación de Productores Lecheros de Laredo", "kind", "ASSOCIATION", "district", "Laredo"));
        UUID santaRosa = post(contracts + "/api/v1/organisations", Map.of("name", "Red Santa Rosa", "kind",
                "PRODUCER_GROUP", "parentId", association));
        UUID elProgreso = post(contracts + "/api/v1/organisations", Map.of("name", "Red El Progreso", "kind",
                "PRODUCER_GROUP", "parentId", association));
        UUID rosa = member(association, santaRosa, "45871236", "Rosa Quispe Huamán");
        // Julio asked to be told by WhatsApp: verdicts, the fortnight's net, his payment, his dispute's outcome.
        UUID julio = post(contracts + "/api/v1/organisations/" + association + "/producers", Map.of("nationalId",
                "41234567", "name", "Julio Rodríguez Cruz", "district", "Laredo", "groupId", santaRosa,
                "phone", "+51987654321", "noticesOptIn", true, "noticeChannel", "WHATSAPP"));
        UUID maria = member(association, elProgreso, "43125698", "María Castillo Vera");
        UUID pedro = member(association, elProgreso, "40918273", "Pedro Alayo Sánchez");
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(member(association, elProgreso, "4700000" + i, "Socia " + (i + 1) + " de El Progreso"));
        }

        // Both networks: 11.5 % solids minimum, at most 10 °C, no antibiotics; S/ 1.03/L + 0.05 from 12 % solids.
        UUID santaRosaMilk = activeAgreement(processor, santaRosa, fortnight[0], clauses("1.03"));
        UUID elProgresoMilk = activeAgreement(processor, elProgreso, fortnight[0], clauses("1.03"));
        // Santa Rosa's addendum: S/ 1.06/L from the 8th day of the fortnight on.
        long version = given().get(contracts + "/api/v1/agreements/" + santaRosaMilk).then().statusCode(200)
                .extract().jsonPath().getLong("version");
        given().contentType(ContentType.JSON).body(Map.of("id", UUID.randomUUID(), "version", version,
                "effectiveFrom", fortnight[0].plusDays(7).toString(), "clauses", clauses("1.06"),
                "reason", "Adenda: alza de precio base acordada con la planta"))
                .post(contracts + "/api/v1/agreements/" + santaRosaMilk + "/amendments").then().statusCode(201);

        // --- lots-service: the manager registers the centre; its operator sends two shifts a day, shift by shift ---
        UUID centre = post(lots + "/api/v1/collection-centres", Map.of("organisationId", association,
                "name", "Centro de Acopio Laredo", "district", "Laredo"));
        UUID operator = post(lots + "/api/v1/collection-centres/" + centre + "/operators",
                Map.of("name", "Julia Ramos"));
        actAs(stack.token("Julia Ramos", association, "centre-operator"));
        Map<UUID, Delivery> sent = new LinkedHashMap<>();
        List<List<Map<String, Object>>> shifts = new ArrayList<>();
        UUID julioDay5Morning = null;
        for (int day = 1; day <= 15; day++) {
            LocalDate date = fortnight[0].plusDays(day - 1);
            for (String shift : List.of("MORNING", "AFTERNOON")) {
                boolean morning = shift.equals("MORNING");
                List<Map<String, Object>> batch = new ArrayList<>();
                // Rosa: 10 L in the morning, 8 L in the afternoon, always over 12 % solids.
                batch.add(lot(sent, centre, operator, rosa, date, day, shift, morning ? "10.0" : "8.0",
                        morning ? "12.20" : "12.10", "6.0", false));
                // Julio: 15 L and 12 L under 12 %; afternoon of day 3 at 11.20 % and morning of day 10 at 11 °C.
                batch.add(lot(sent, centre, operator, julio, date, day, shift, morning ? "15.0" : "12.0",
                        day == 3 && !morning ? "11.20" : morning ? "11.80" : "11.70",
                        day == 10 && morning ? "11.0" : "5.0", false));
                if (day == 5 && morning) {
                    julioDay5Morning = (UUID) batch.get(1).get("id");
                }
                // María: 20 L at exactly 12.00 % (premium) and 16 L at 11.90 %; antibiotics in the morning of day 12.
                batch.add(lot(sent, centre, operator, maria, date, day, shift, morning ? "20.0" : "16.0",
                        morning ? "12.00" : "11.90", "4.5", day == 12 && morning));
                // Pedro: one cow, 4 L in the morning only.
                if (morning) {
                    batch.add(lot(sent, centre, operator, pedro, date, day, shift, "4.0", "11.60", "8.0", false));
                }
                // Eight more members of El Progreso: 9 L a shift at 11.80 %.
                for (UUID other : others) {
                    batch.add(lot(sent, centre, operator, other, date, day, shift, "9.0", "11.80", "6.0", false));
                }
                shifts.add(batch);
            }
        }
        assertEquals(345, sent.size()); // 11 members x 2 shifts x 15 days + Pedro's 15 mornings

        Map<UUID, JsonNode> receipts = new HashMap<>();
        for (int i = 0; i < shifts.size(); i++) {
            List<Map<String, Object>> batch = shifts.get(i);
            if (i == 8) {
                stack.killBroker(); // day 5, morning: the broker dies; lots are still recorded and judged
            }
            if (i == 14) {
                stack.startBroker(); // day 8: back
            }
            if (i == 22) {
                stack.killService("payments-service"); // day 12: the consumer of lot events dies
            }
            if (i == 26) {
                stack.startService("payments-service"); // day 14: back, to find its place in the topic
            }
            JsonPath result = i == 0 ? eventually("lots-service knows both agreements", () -> {
                JsonPath attempt = sendBatch(batch);
                return attempt.getInt("refused") == 0 ? attempt : null;
            }) : sendBatch(batch);
            assertEquals(batch.size(), result.getInt("created"), "shift " + i);
            for (JsonNode item : JSON.readTree(result.prettify()).path("results")) {
                JsonNode receipt = item.path("receipt");
                receipts.put(UUID.fromString(receipt.path("id").asText()), receipt);
            }
            if (i == 8) {
                // With the broker down, the operator corrects Julio's morning can: 14 L, not 15.
                JsonNode lot = receipts.get(julioDay5Morning);
                given().contentType(ContentType.JSON).body(Map.of("version", lot.path("version").asLong(),
                        "quantity", new BigDecimal("14.0"), "reason", "Balde mal leído"))
                        .post(lots + "/api/v1/lots/" + julioDay5Morning + "/corrections").then().statusCode(200)
                        .body("quantity", comparesEqualTo(new BigDecimal("14.0"))).body("revision", is(2));
                Delivery before = sent.get(julioDay5Morning);
                sent.put(julioDay5Morning, new Delivery(before.id(), before.producer(), before.day(), before.shift(),
                        new BigDecimal("14.0")));
            }
            if (i == 17) {
                // Day 9, afternoon: lots-service dies right after answering, with events maybe still in its
                // outbox; the tablet did not see the answer and sends the same shift again.
                stack.killService("lots-service");
                stack.startService("lots-service");
                JsonPath again = sendBatch(batch);
                assertEquals(0, again.getInt("created"));
                assertEquals(batch.size(), again.getInt("unchanged"));
            }
        }
        // Verdicts on the spot: exactly the three deliveries out of the clauses were rejected.
        Map<UUID, String> rejected = receipts.values().stream()
                .filter(r -> r.path("verdict").asText().equals("REJECTED"))
                .collect(Collectors.toMap(r -> UUID.fromString(r.path("id").asText()),
                        r -> r.path("reasons").get(0).path("parameter").asText() + " "
                                + r.path("reasons").get(0).path("code").asText()));
        assertEquals(Set.of("total_solids BELOW_MIN", "temperature ABOVE_MAX", "antibiotics FAILED_TEST"),
                Set.copyOf(rejected.values()));
        // Santa Rosa's lots from the 8th day were judged by the addendum.
        receipts.values().stream().filter(r -> r.path("agreementId").asText().equals(santaRosaMilk.toString()))
                .forEach(r -> assertEquals(LocalDate.parse(r.path("deliveryDate").asText())
                        .isBefore(fortnight[0].plusDays(7)) ? 1 : 2, r.path("agreementVersion").asInt()));
        assertTrue(receipts.values().stream().anyMatch(r -> r.path("agreementId").asText().equals(elProgresoMilk
                .toString())));

        // --- a dispute: Julio contests his afternoon of day 3 (11.20 % solids) with his own login; the centre has
        // the counter-sample tested by a laboratory: 11.60 %, over the 11.5 % minimum, so the rejection is overturned.
        UUID julioDay3Afternoon = rejected.entrySet().stream().filter(e -> e.getValue().startsWith("total_solids"))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        actAs(stack.token(Tokens.Claims.of("Julio Rodríguez", association, "producer").withProducer(julio)));
        UUID dispute = post(lots + "/api/v1/lots/" + julioDay3Afternoon + "/disputes",
                Map.of("reason", "La muestra se tomó sin agitar el porongo"));
        actAs(stack.token("Julia Ramos", association, "centre-operator"));
        given().contentType(ContentType.JSON).body(Map.of("testedBy", "Laboratorio de Lácteos UNT",
                "testedAt", Instant.now().minusSeconds(60).toString(), "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new BigDecimal("11.60")),
                        Map.of("parameter", "temperature", "value", new BigDecimal("5.0")),
                        Map.of("parameter", "antibiotics", "result", false))))
                .post(lots + "/api/v1/disputes/" + dispute + "/retest").then().statusCode(200)
                .body("status", is("OVERTURNED"));
        given().get(lots + "/api/v1/lots/" + julioDay3Afternoon).then().statusCode(200)
                .body("verdict", is("ACCEPTED")).body("revision", is(2));
        // The centre's rejection rate counts the overturned rejection apart: 2 rejected of 345, 1 overturned.
        given().queryParams("organisationId", association, "from", fortnight[0].toString(), "to",
                fortnight[1].toString(), "groupBy", "centre").get(lots + "/api/v1/lots/rejection-rates").then()
                .statusCode(200).body("[0].key", is(centre.toString())).body("[0].lots", is(345))
                .body("[0].rejected", is(2)).body("[0].overturned", is(1));

        // --- payments-service, by the treasurer: inputs bought on credit during the fortnight ---
        actAs(stack.token("Tesorera Laredo", association, "treasurer"));
        charge(association, rosa, "FEED", "Concentrado lechero, 3 sacos", "120.00", fortnight[0].plusDays(2), 2);
        charge(association, rosa, "VETERINARY", "Tratamiento de mastitis", "35.50", fortnight[0].plusDays(8), 1);
        charge(association, julio, "VETERINARY", "Desparasitación, 2 vacas", "45.50", fortnight[0].plusDays(3), 1);
        charge(association, pedro, "FEED", "Concentrado lechero, 4 sacos", "150.00", fortnight[0], 2);

        // Settled once payments-service has every lot and both agreements' terms from the events.
        // Gross: Rosa 295.92 + Julio 406.70 + María 549.60 + Pedro 61.80 + 8 x 278.10 = 3538.82
        JsonPath settlement = eventually("payments-service has all 345 lots and the addendum", () -> {
            JsonPath run = given().contentType(ContentType.JSON).body(Map.of("organisationId", association,
                    "fortnightStart", fortnight[0].toString()))
                    .post(payments + "/api/v1/settlements/runs").then().statusCode(200).extract().jsonPath();
            return run.getInt("waitingLots") == 0 && new BigDecimal("3538.82").compareTo(
                    run.getObject("gross", BigDecimal.class)) == 0 ? run : null;
        });
        String id = settlement.getString("id");

        // Rosa (Santa Rosa): days 1-7 at 1.03 + 0.05 = 1.08: 10 x 1.08 = 10.80 and 8 x 1.08 = 8.64, 7 x 19.44 = 136.08;
        // days 8-15 at 1.06 + 0.05 = 1.11: 11.10 and 8.88, 8 x 19.98 = 159.84; gross 295.92.
        // Feed 120.00 in 2 -> 60.00 now (60.00 next fortnight); veterinary 35.50 in 1; net 295.92 - 95.50 = 200.42.
        JsonPath rosaStatement = statement(id, rosa);
        assertEquals(30, rosaStatement.getList("lines").size());
        assertMoney("10.80", rosaStatement.get("lines[0].amount"));
        assertMoney("8.64", rosaStatement.get("lines[1].amount"));
        assertMoney("1.1100", rosaStatement.get("lines[14].unitPrice"));
        assertMoney("11.10", rosaStatement.get("lines[14].amount"));
        assertMoney("8.88", rosaStatement.get("lines[29].amount"));
        assertMoney("295.92", rosaStatement.get("gross"));
        assertEquals(List.of("FEED", "VETERINARY"), rosaStatement.getList("deductions.chargeKind"));
        assertEquals(1, rosaStatement.getInt("deductions[0].instalment"));
        assertMoney("60.00", rosaStatement.get("deductions[0].due"));
        assertMoney("60.00", rosaStatement.get("deductions[0].applied"));
        assertMoney("0.00", rosaStatement.get("deductions[0].remaining"));
        assertMoney("35.50", rosaStatement.get("deductions[1].applied"));
        assertMoney("95.50", rosaStatement.get("totalDeductions"));
        assertMoney("200.42", rosaStatement.get("net"));

        // Julio (Santa Rosa): 15 x 1.03 = 15.45 and 12 x 1.03 = 12.36 (27.81 a day) for 7 days = 194.67;
        // 15 x 1.06 = 15.90 and 12 x 1.06 = 12.72 (28.62) for 8 days = 228.96; 423.63 as delivered, less the
        // rejected morning of day 10 (15.90) and the correction on day 5 (14 x 1.03 = 14.42 instead of 15.45:
        // 1.03): gross 406.70, the afternoon of day 3 paid at 12 x 1.03 = 12.36 since its dispute overturned the
        // rejection; veterinary 45.50; net 361.20.
        JsonPath julioStatement = statement(id, julio);
        assertEquals(List.of(fortnight[0].plusDays(9).toString()),
                julioStatement.getList("lines.findAll { it.kind == 'REJECTED' }.deliveryDate"));
        assertMoney("0.00", julioStatement.get("lines.find { it.kind == 'REJECTED' }.amount"));
        assertEquals("temperature",
                julioStatement.getString("lines.find { it.kind == 'REJECTED' }.detail.reasons[0].parameter"));
        assertMoney("12.36", julioStatement.get("lines.find { it.lotId == '" + julioDay3Afternoon + "' }.amount"));
        assertMoney("14.000", julioStatement.get("lines.find { it.lotId == '" + julioDay5Morning + "' }.quantity"));
        assertMoney("14.42", julioStatement.get("lines.find { it.lotId == '" + julioDay5Morning + "' }.amount"));
        assertMoney("406.70", julioStatement.get("gross"));
        assertMoney("45.50", julioStatement.get("totalDeductions"));
        assertMoney("361.20", julioStatement.get("net"));

        // María (El Progreso, never amended): 20 x (1.03 + 0.05 at exactly 12.00 %) = 21.60 and 16 x 1.03 = 16.48,
        // 38.08 a day x 15 = 571.20, less the morning of day 12 (antibiotics): 549.60; nothing owed.
        JsonPath mariaStatement = statement(id, maria);
        assertMoney("21.60", mariaStatement.get("lines[0].amount"));
        assertMoney("16.48", mariaStatement.get("lines[1].amount"));
        assertEquals("antibiotics",
                mariaStatement.getString("lines.find { it.kind == 'REJECTED' }.detail.reasons[0].parameter"));
        assertMoney("549.60", mariaStatement.get("gross"));
        assertMoney("549.60", mariaStatement.get("net"));

        // Pedro: 4 x 1.03 = 4.12 x 15 = 61.80; his first feed instalment is 75.00: 61.80 recovered, 13.20 carried
        // to the next fortnight, net 0.00 (never negative).
        JsonPath pedroStatement = statement(id, pedro);
        assertEquals(15, pedroStatement.getList("lines").size());
        assertMoney("61.80", pedroStatement.get("gross"));
        assertMoney("75.00", pedroStatement.get("deductions[0].due"));
        assertMoney("61.80", pedroStatement.get("deductions[0].applied"));
        assertMoney("13.20", pedroStatement.get("deductions[0].remaining"));
        assertMoney("0.00", pedroStatement.get("net"));

        // Each of the others: 9 x 1.03 = 9.27 x 30 = 278.10.
        for (UUID other : others) {
            assertMoney("278.10", statement(id, other).get("net"));
        }

        // Conservation: every lot recorded is in the settlement exactly once, with the quantity it has now,
        // through a dead broker, a service killed after answering and a consumer killed mid-stream.
        Map<UUID, BigDecimal> settled = new TreeMap<>();
        List<UUID> members = new ArrayList<>(List.of(rosa, julio, maria, pedro));
        members.addAll(others);
        for (UUID member : members) {
            JsonPath statement = statement(id, member);
            List<String> lotIds = statement
                    .getList("lines.findAll { it.kind == 'LOT' || it.kind == 'REJECTED' }.lotId");
            List<BigDecimal> quantities = statement.getList(
                    "lines.findAll { it.kind == 'LOT' || it.kind == 'REJECTED' }.quantity", BigDecimal.class);
            for (int i = 0; i < lotIds.size(); i++) {
                BigDecimal previous = settled.put(UUID.fromString(lotIds.get(i)), quantities.get(i));
                assertNull(previous, "lot " + lotIds.get(i) + " settled twice");
            }
        }
        assertEquals(sent.keySet(), settled.keySet());
        sent.values().forEach(d -> assertEquals(0, d.litres().compareTo(settled.get(d.id())), "quantity of " + d));
        // 270 (Rosa) + 404 (Julio, after the correction) + 540 (María) + 60 (Pedro) + 8 x 270 = 3434 L in 345 lots
        given().queryParams("organisationId", association, "fortnightStart", fortnight[0].toString())
                .get(payments + "/api/v1/settlements").then().statusCode(200)
                .body("[0].lots", is(345)).body("[0].producers", is(12))
                .body("[0].quantity", money("3434.000")).body("[0].gross", money("3538.82"))
                .body("[0].deductions", money("202.80")).body("[0].net", money("3336.02"));

        // Closed and paid: every member with something to receive, on the due date (or today if that is earlier).
        given().contentType(ContentType.JSON).body(Map.of())
                .post(payments + "/api/v1/settlements/" + id + "/closing").then().statusCode(200)
                .body("status", is("CLOSED"));
        LocalDate due = fortnight[1].plusDays(7);
        LocalDate paidOn = due.isAfter(today) ? today : due;
        for (UUID member : members) {
            if (member.equals(pedro)) {
                continue; // nothing to pay this fortnight
            }
            given().contentType(ContentType.JSON).body(Map.of("producerId", member, "paidOn", paidOn.toString(),
                    "reference", "Caja Trujillo"))
                    .post(payments + "/api/v1/settlements/" + id + "/payouts").then().statusCode(200)
                    .body("producers.find { it.producerId == '" + member + "' }.daysLate", is(0));
        }

        // The processor paid for 3370 L of the 3399 L accepted (Rosa 270, Julio 389, María 520, Pedro 60, others
        // 2160): shrinkage 29 L = 0.85 %, within the 2 % tolerance; it paid 3900.00 against 3538.82 owed to
        // members: margin 361.18. Recovered 95.50 + 45.50 + 61.80 = 202.80; net owed = paid = 3336.02.
        post(payments + "/api/v1/remittances", Map.of("organisationId", association, "buyerId", processor,
                "fortnightStart", fortnight[0].toString(), "product", "milk", "quantityPaid", new BigDecimal("3370.0"),
                "unit", "L", "amount", new BigDecimal("3900.00"), "receivedOn", paidOn.toString()));
        given().queryParams("organisationId", association, "fortnightStart", fortnight[0].toString())
                .get(payments + "/api/v1/reconciliations").then().statusCode(200)
                .body("settlementStatus", is("CLOSED"))
                .body("buyers.buyerId", contains(processor.toString()))
                .body("buyers[0].quantityCollected", money("3399.000"))
                .body("buyers[0].quantityPaidFor", money("3370.000"))
                .body("buyers[0].shrinkage", money("29.000")).body("buyers[0].shrinkagePercent", money("0.85"))
                .body("buyers[0].grossOwed", money("3538.82")).body("buyers[0].margin", money("361.18"))
                .body("totals.deductionsRecovered", money("202.80")).body("totals.netOwed", money("3336.02"))
                .body("totals.netPaid", money("3336.02")).body("totals.margin", money("361.18"))
                .body("discrepancies", empty());

        // Rosa, with her own login, reads her statement and no one else's; the auditor sees who did what.
        actAs(stack.token(Tokens.Claims.of("Rosa Quispe", association, "producer").withProducer(rosa)));
        given().get(payments + "/api/v1/settlements/" + id + "/statements/" + rosa).then().statusCode(200)
                .body("net", money("200.42"));
        given().get(payments + "/api/v1/settlements/" + id + "/statements/" + julio).then().statusCode(404);
        actAs(stack.token("Auditora", association, "auditor"));
        JsonPath trail = given().queryParams("resourceType", "Settlement", "resourceId", id)
                .get(payments + "/api/v1/audit").then().statusCode(200).extract().jsonPath();
        List<String> actions = trail.getList("action");
        assertEquals(1, actions.stream().filter("CLOSED"::equals).count());
        assertEquals(11, actions.stream().filter("PAID"::equals).count());
        assertTrue(actions.contains("COMPUTED"));
        assertEquals(Set.of("Tesorera Laredo"), Set.copyOf(trail.getList("actor")));
        given().contentType(ContentType.JSON).body(Map.of()).post(payments + "/api/v1/settlements/" + id + "/closing")
                .then().statusCode(403);

        // On the topics, nothing lost or doubled either: one LotRecorded per lot, a LotCorrected for the operator's
        // correction and one for the overturned rejection, the dispute opened and decided once; all valid.
        EventSchemas lotSchemas = EventSchemas.forService("lots-service");
        Map<String, Map<String, Integer>> lotEvents = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : TestTopics.readAll(stack.bootstrapServers(), "lots.events")) {
            lotSchemas.assertValid(record.value());
            JsonNode envelope = JSON.readTree(record.value());
            lotEvents.computeIfAbsent(envelope.path("type").asText(), t -> new HashMap<>())
                    .merge(envelope.path("aggregateId").asText(), 1, Integer::sum);
        }
        Map<String, Integer> recorded = lotEvents.get("LotRecorded");
        assertEquals(sent.keySet().stream().map(UUID::toString).collect(Collectors.toSet()), recorded.keySet());
        assertEquals(Set.of(1), Set.copyOf(recorded.values()));
        assertEquals(Map.of(julioDay5Morning.toString(), 1, julioDay3Afternoon.toString(), 1),
                lotEvents.get("LotCorrected"));
        assertEquals(Map.of(dispute.toString(), 1), lotEvents.get("DisputeOpened"));
        assertEquals(Map.of(dispute.toString(), 1), lotEvents.get("DisputeDecided"));
        EventSchemas paymentSchemas = EventSchemas.forService("payments-service");
        List<String> paymentEvents = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : TestTopics.readAll(stack.bootstrapServers(), "payments.events")) {
            paymentSchemas.assertValid(record.value());
            paymentEvents.add(JSON.readTree(record.value()).path("type").asText());
        }
        assertEquals(1, paymentEvents.stream().filter("SettlementClosed"::equals).count());
        assertEquals(11, paymentEvents.stream().filter("PayoutPaid"::equals).count());

        // Notices, through a dead broker and a consumer killed mid-stream, each written once and sent once, only to
        // the one member who asked for them: a verdict per lot (30), the dispute's outcome (which turned his rejected
        // can into an accepted one: told once, not again as a correction), the fortnight's net and his payment.
        Map<String, Long> sentByKind = eventually("Julio's notices sent", () -> {
            Map<String, Long> counts = notices(julio, true);
            return counts.getOrDefault("PENDING", 0L) == 0 && counts.getOrDefault("PAYOUT_RECORDED", 0L) == 1
                    ? counts
                    : null;
        });
        assertEquals(Map.of("LOT_VERDICT", 30L, "DISPUTE_DECIDED", 1L, "SETTLEMENT_CLOSED", 1L, "PAYOUT_RECORDED", 1L,
                "SENT", 33L), sentByKind);
        assertEquals(Map.of(), notices(julio, false));
        assertTrue(noticeBodies(julio, "DISPUTE_DECIDED").get(0).contains("ACEPTADO"));
        assertTrue(noticeBodies(julio, "SETTLEMENT_CLOSED").get(0).contains("361.20"));
    }

    /** How many notices the producer has (everyone else's if not {@code theirs}) per kind, and per status. */
    private static Map<String, Long> notices(UUID producer, boolean theirs) {
        Map<String, Long> counts = new TreeMap<>();
        LocalStack.Database db = stack.database("payments");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement q = c.prepareStatement("select kind, status from notice where "
                        + (theirs ? "producer_id = ?" : "producer_id <> ?"))) {
            q.setObject(1, producer);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    counts.merge(rows.getString(1), 1L, Long::sum);
                    counts.merge(rows.getString(2), 1L, Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    private static List<String> noticeBodies(UUID producer, String kind) {
        List<String> bodies = new ArrayList<>();
        LocalStack.Database db = stack.database("payments");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement q = c
                        .prepareStatement("select body from notice where producer_id = ? and kind = ?")) {
            q.setObject(1, producer);
            q.setString(2, kind);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return bodies;
    }

    private static UUID member(UUID association, UUID network, String dni, String name) {
        return post(contracts + "/api/v1/organisations/" + association + "/producers", Map.of("nationalId", dni,
                "name", name, "district", "Laredo", "groupId", network));
    }

    private static Map<String, Object> clauses(String basePrice) {
        return Map.of(
                "quality", Map.of("parameters", List.of(
                        Map.of("code", "total_solids", "name", "Sólidos totales", "kind", "NUMERIC", "unit", "%",
                                "min", new BigDecimal("11.5")),
                        Map.of("code", "temperature", "name", "Temperatura", "kind", "NUMERIC", "unit", "°C",
                                "max", new BigDecimal("10")),
                        Map.of("code", "antibiotics", "name", "Antibióticos", "kind", "BOOLEAN", "passValue", false))),
                "price", Map.of("currency", "PEN", "basePrice", new BigDecimal(basePrice), "paymentTermDays", 7,
                        "qualityAdjustments", List.of(Map.of("parameter", "total_solids", "from", new BigDecimal("12"),
                                "amountPerUnit", new BigDecimal("0.05")))),
                "assistance", Map.of("maxInstalments", 2, "services", List.of(
                        Map.of("kind", "FEED_SUPPLY", "description", "Concentrado", "chargedToProducer", true),
                        Map.of("kind", "VETERINARY_SERVICE", "description", "Sanidad animal", "chargedToProducer",
                                true))));
    }

    private static UUID activeAgreement(UUID buyer, UUID network, LocalDate start, Map<String, Object> clauses) {
        UUID agreement = post(contracts + "/api/v1/agreements", Map.of("buyerId", buyer, "counterparty",
                Map.of("type", "PRODUCER_GROUP", "id", network), "product", "milk", "startDate", start.toString(),
                "endDate", start.plusYears(1).toString(), "clauses", clauses));
        given().contentType(ContentType.JSON).body(Map.of())
                .post(contracts + "/api/v1/agreements/" + agreement + "/activation").then().statusCode(200);
        return agreement;
    }

    private static Map<String, Object> lot(Map<UUID, Delivery> sent, UUID centre, UUID operator, UUID producer,
            LocalDate date, int day, String shift, String litres, String solids, String celsius, boolean antibiotics) {
        UUID id = UUID.randomUUID();
        sent.put(id, new Delivery(id, producer, day, shift, new BigDecimal(litres)));
        Map<String, Object> lot = new HashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator,
                "producerId", producer, "product", "milk", "quantity", new BigDecimal(litres), "unit", "L",
                "shift", shift, "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new BigDecimal(solids)),
                        Map.of("parameter", "temperature", "value", new BigDecimal(celsius)),
                        Map.of("parameter", "antibiotics", "result", antibiotics))));
        lot.put("deliveredAt", date.atTime(shift.equals("MORNING") ? 6 : 16, 30).atZone(LIMA).toInstant().toString());
        return lot;
    }

    private static JsonPath sendBatch(List<Map<String, Object>> batch) {
        return given().contentType(ContentType.JSON).body(Map.of("lots", batch)).post(lots + "/api/v1/lots/batch")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void charge(UUID organisation, UUID producer, String kind, String description, String amount,
            LocalDate date, int instalments) throws InterruptedException {
        Map<String, Object> body = new HashMap<>(Map.of("id", UUID.randomUUID(), "organisationId", organisation,
                "producerId", producer, "kind", kind, "description", description, "amount", new BigDecimal(amount),
                "chargeDate", date.toString(), "instalments", instalments));
        // Payments-service may not have the agreements' terms yet: it answers so, with when to repeat.
        io.restassured.response.Response answer = given().contentType(ContentType.JSON).body(body)
                .post(payments + "/api/v1/charges");
        for (int repeats = 0; repeats < 20 && answer.header("Retry-After") != null; repeats++) {
            Thread.sleep(1000L * Long.parseLong(answer.header("Retry-After")));
            answer = given().contentType(ContentType.JSON).body(body).post(payments + "/api/v1/charges");
        }
        answer.then().statusCode(201);
    }

    private static JsonPath statement(String settlementId, UUID producer) {
        return given().get(payments + "/api/v1/settlements/" + settlementId + "/statements/" + producer).then()
                .statusCode(200).extract().jsonPath();
    }

    private static Matcher<BigDecimal> money(String expected) {
        return comparesEqualTo(new BigDecimal(expected));
    }

    private static void assertMoney(String expected, Object actual) {
        assertTrue(actual instanceof BigDecimal value && value.compareTo(new BigDecimal(expected)) == 0,
                "expected " + expected + ", was " + actual);
    }

    /** The following calls are made by the user of this token. */
    private static void actAs(String token) {
        bearer = token;
    }

    /** A request by the current user. */
    private static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + bearer);
    }

    /** Creates with a fresh client id and returns it. */
    private static UUID post(String url, Map<String, Object> body) {
        return post(url, UUID.randomUUID(), body);
    }

    private static UUID post(String url, UUID id, Map<String, Object> body) {
        Map<String, Object> withId = new HashMap<>(body);
        withId.put("id", id);
        given().contentType(ContentType.JSON).body(withId).post(url).then().log().ifValidationFails().statusCode(201);
        return id;
    }

    private static <T> T eventually(String what, Supplier<T> attempt) {
        return TestTopics.eventually(what, Duration.ofSeconds(90), attempt);
    }
}

package org.articula.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.Roles;
import org.articula.platform.testing.Ledger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An entry for an account that is not opened yet fails (foreign key) and is dead-lettered; once the account
 * is opened, a re-drive books it, once, however often it is repeated.
 */
@QuarkusTest
class DeadLettersTest {

    static final String TOPIC = "platform-test.inbox";
    static final String PROBLEM = "application/problem+json";

    @Inject
    DataSource dataSource;

    // As ./articula dead-letters signs it: a platform admin acts for no organisation.
    final Header admin = TestTokens.as((UUID) null, Roles.PLATFORM_ADMIN);

    @BeforeAll
    static void topics() throws Exception {
        TestTopics.create(TOPIC, 3);
        TestTopics.create("platform-test.dlt", 1);
    }

    @Test
    void anEntryForAnAccountNotYetOpenedIsReDrivenOnceTheAccountIsOpened() throws Exception {
        String account = "CTA-" + UUID.randomUUID();
        EventEnvelope entry = publish(Map.of("amount", "20.00", "account", account));

        JsonPath listed = awaitListed(entry.eventId());
        assertEquals(TOPIC, listed.getString("topic"));
        assertEquals("LotRecorded", listed.getString("eventType"));
        assertEquals("DEAD_LETTERED", listed.getString("status"));
        assertEquals(2, listed.getInt("attempts"), "articula.inbox.max-attempts");
        assertTrue(listed.getString("reason").contains("foreign key"), listed.getString("reason"));
        String id = listed.getString("id");
        // The list names the failure, never the row's values nor the payload.
        given().header(admin).get("/api/v1/dead-letters").then().statusCode(200)
                .body(not(containsString(account)));

        given().header(admin).get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("payload.eventId", is(entry.eventId().toString()))
                .body("payload.payload.account", is(account))
                .body("reason", containsString("is not present"));

        // The cause is not fixed yet: refused with the reason, nothing booked, still dead-lettered.
        given().header(admin).post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(422)
                .contentType(PROBLEM).body("type", is(ProblemType.DEAD_LETTER_STILL_FAILING.uri()))
                .body("detail", containsString("foreign key"));
        assertEquals(0, ledgerRows(entry.eventId()));
        given().header(admin).get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("status", is("DEAD_LETTERED")).body("attempts", is(3));

        execute("insert into test_account (code) values (?)", account);

        Map<String, Object> first = given().header(admin).post("/api/v1/dead-letters/" + id + "/redrive").then()
                .statusCode(200).body("status", is("REDRIVEN")).body("attempts", is(4)).extract().jsonPath().getMap("");
        assertNotNull(first.get("redrivenAt"));
        assertEquals(1, ledgerRows(entry.eventId()));
        assertEquals("PROCESSED", inboxStatus(entry.eventId()));

        // Again, and twice at once: the same answer, nothing booked again.
        List<Map<String, Object>> again = List.of(CompletableFuture.supplyAsync(() -> redrive(id)),
                CompletableFuture.supplyAsync(() -> redrive(id)), CompletableFuture.supplyAsync(() -> redrive(id)))
                .stream().map(CompletableFuture::join).toList();
        again.forEach(answer -> assertEquals(first, answer));
        assertEquals(1, ledgerRows(entry.eventId()), "applied exactly once");
    }

    @Test
    void onlyAPlatformAdminSeesOrReDrivesDeadLetters() throws Exception {
        String account = "CTA-" + UUID.randomUUID();
        EventEnvelope entry = publish(Map.of("amount", "5.00", "account", account));
        String id = awaitListed(entry.eventId()).getString("id");
        execute("insert into test_account (code) values (?)", account);

        for (String role : List.of(Roles.TREASURER, Roles.AUDITOR, Roles.BUYER_ADMIN)) {
            Header other = TestTokens.as(UUID.randomUUID(), role);
            given().header(other).get("/api/v1/dead-letters").then().statusCode(403).contentType(PROBLEM);
            given().header(other).get("/api/v1/dead-letters/" + id).then().statusCode(403).contentType(PROBLEM);
            given().header(other).post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(403)
                    .contentType(PROBLEM);
            given().header(other).post("/api/v1/dead-letters/redrive").then().statusCode(403).contentType(PROBLEM);
        }
        given().header(TestTokens.anonymous()).get("/api/v1/dead-letters").then().statusCode(401);
        assertEquals(0, ledgerRows(entry.eventId()), "nothing re-driven by a refused request");
        given().header(admin).get("/api/v1/dead-letters/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM);
        given().header(admin).post("/api/v1/dead-letters/" + UUID.randomUUID() + "/redrive").then().statusCode(404)
                .contentType(PROBLEM);
    }

    /** Re-driving all applies those whose cause is fixed and leaves the others dead-lettered with their reason. */
    @Test
    void reDrivingAllAppliesTheFixedOnesAndKeepsTheOthers() throws Exception {
        String opened = "CTA-" + UUID.randomUUID();
        String notOpened = "CTA-" + UUID.randomUUID();
        EventEnvelope fixed = publish(Map.of("amount", "1.00", "account", opened));
        EventEnvelope broken = publish(Map.of("amount", "2.00", "account", notOpened));
        String fixedId = awaitListed(fixed.eventId()).getString("id");
        String brokenId = awaitListed(broken.eventId()).getString("id");
        execute("insert into test_account (code) values (?)", opened);

        JsonPath result = given().header(admin).post("/api/v1/dead-letters/redrive").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("REDRIVEN", result.getString("outcomes.find { it.id == '" + fixedId + "' }.status"));
        assertEquals("DEAD_LETTERED", result.getString("outcomes.find { it.id == '" + brokenId + "' }.status"));
        assertTrue(result.getString("outcomes.find { it.id == '" + brokenId + "' }.reason").contains("foreign key"));
        assertTrue(result.getInt("redriven") >= 1 && result.getInt("stillFailing") >= 1, result.prettify());
        assertEquals(1, ledgerRows(fixed.eventId()));
        assertEquals(0, ledgerRows(broken.eventId()));
        given().header(admin).queryParam("status", "REDRIVEN").get("/api/v1/dead-letters").then().statusCode(200)
                .body("find { it.id == '" + fixedId + "' }.status", is("REDRIVEN"))
                .body("find { it.id == '" + brokenId + "' }", is((Object) null));
    }

    private Map<String, Object> redrive(String id) {
        return given().header(admin).post("/api/v1/dead-letters/" + id + "/redrive").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }

    private EventEnvelope publish(Map<String, Object> payload) {
        String key = "producer-" + UUID.randomUUID();
        EventEnvelope event = EventEnvelope.create("LotRecorded", 1, "Lot", key, UUID.randomUUID(), Instant.now(),
                EventJson.toTree(payload));
        TestTopics.send(List.of(new TestTopics.Message(TOPIC, key,
                EventJson.write(event).getBytes(StandardCharsets.UTF_8))));
        return event;
    }

    private JsonPath awaitListed(UUID eventId) {
        Map<?, ?> found = TestTopics.eventually("dead letter of " + eventId, Duration.ofSeconds(30),
                () -> given().header(admin).queryParam("status", "DEAD_LETTERED").get("/api/v1/dead-letters").then()
                        .statusCode(200).extract().jsonPath().<Map<?, ?>>getList("").stream()
                        .filter(letter -> eventId.toString().equals(letter.get("eventId"))).findFirst().orElse(null));
        return new JsonPath(EventJson.toTree(found).toString());
    }

    private int ledgerRows(UUID eventId) throws Exception {
        return Ledger.rows(dataSource, eventId);
    }

    private String inboxStatus(UUID eventId) throws Exception {
        return Ledger.inboxStatus(dataSource, eventId);
    }

    private void execute(String sql, String value) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            s.executeUpdate();
        }
    }
}

package org.articula.platform.catchup;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.TestTopics;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.inbox.InboxConsumer;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.outbox.OutboxRelay;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status says how many events wait to be applied, and how many to be published, as they do. */
@QuarkusTest
class ReadModelStatusTest {

    static final String CONSUMED = "platform-test.inbox";
    static final String PUBLISHED = "platform-test.events";

    @Inject
    InboxConsumer consumer;
    @Inject
    OutboxRelay relay;
    @Inject
    Outbox outbox;

    // Any role may ask: the answer has no business data.
    final Header producer = TestTokens.as(UUID.randomUUID(), Roles.PRODUCER);

    @BeforeAll
    static void topics() throws Exception {
        TestTopics.create(CONSUMED, 3);
        TestTopics.create(PUBLISHED, 3);
    }

    @Test
    void eventsPublishedWhileTheConsumerIsStoppedAreTheLagUntilItRuns() {
        awaitLag(0); // whatever earlier tests published is applied
        List<EventEnvelope> events = new ArrayList<>();
        consumer.stop();
        try {
            for (int i = 0; i < 5; i++) {
                String key = "producer-" + UUID.randomUUID();
                EventEnvelope event = EventEnvelope.create("LotRecorded", 1, "Lot", key, UUID.randomUUID(),
                        Instant.now(), EventJson.toTree(Map.of("amount", i + ".00")));
                events.add(event);
                TestTopics.send(List.of(new TestTopics.Message(CONSUMED, key,
                        EventJson.write(event).getBytes(StandardCharsets.UTF_8))));
            }
            JsonPath stopped = status();
            assertEquals(5, topic(stopped).getInt("topics[0].lag"));
            assertFalse(stopped.getBoolean("caughtUp"));
            assertFalse(stopped.getBoolean("consuming"));
            int partitionLags = topic(stopped).<Integer>getList("topics[0].partitions.lag").stream().mapToInt(i -> i)
                    .sum();
            assertEquals(5, partitionLags, "the partitions' lags add up to the topic's");
        } finally {
            consumer.start();
        }

        JsonPath caughtUp = awaitLag(0);
        assertTrue(caughtUp.getBoolean("caughtUp"));
        assertTrue(caughtUp.getBoolean("consuming"));
        for (Map<String, Object> partition : topic(caughtUp).<Map<String, Object>>getList("topics[0].partitions")) {
            long end = ((Number) partition.get("endOffset")).longValue();
            if (end > 0) {
                assertEquals(end - 1, ((Number) partition.get("lastAppliedOffset")).longValue(), partition.toString());
                assertNotNull(partition.get("lastEventType"), partition.toString());
                assertNotNull(partition.get("lastAppliedAt"), partition.toString());
            }
        }
    }

    @Test
    void eventsRecordedAreOutboxPendingUntilTheRelayPublishesThem() {
        drainOutbox();
        assertEquals(0, outboxStatus().get("pending"));
        assertNull(outboxStatus().get("oldestPendingAt"));

        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(List.of(event(), event(), event())));
        Map<String, Object> pending = outboxStatus();
        assertEquals(3, pending.get("pending"));
        assertEquals(PUBLISHED, pending.get("topic"));
        assertNotNull(pending.get("oldestPendingAt"));
        assertTrue(((Number) pending.get("oldestPendingAgeSeconds")).longValue() >= 0);

        drainOutbox();
        assertEquals(0, outboxStatus().get("pending"));
    }

    @Test
    void everyAuthenticatedRoleMayAskButNotAnAnonymousCaller() {
        for (String role : List.of(Roles.TREASURER, Roles.AUDITOR, Roles.CENTRE_OPERATOR, Roles.PLATFORM_ADMIN)) {
            given().header(TestTokens.as(UUID.randomUUID(), role)).get("/api/v1/read-model/status").then()
                    .statusCode(200);
        }
        given().header(TestTokens.anonymous()).get("/api/v1/read-model/status").then().statusCode(401)
                .contentType("application/problem+json");
    }

    private void drainOutbox() {
        relay.start();
        try {
            TestTopics.await("the outbox published", () -> outboxStatus().get("pending").equals(0));
        } finally {
            relay.stop();
        }
    }

    private JsonPath awaitLag(int lag) {
        return TestTopics.eventually("lag " + lag + " on " + CONSUMED, Duration.ofSeconds(30), () -> {
            JsonPath status = status();
            return topic(status).getInt("topics[0].lag") == lag ? status : null;
        });
    }

    private JsonPath status() {
        JsonPath status = given().header(producer).get("/api/v1/read-model/status").then().statusCode(200)
                .extract().jsonPath();
        assertEquals("platform-test", status.getString("service"));
        return status;
    }

    private Map<String, Object> outboxStatus() {
        return status().getMap("outbox");
    }

    /** The status, after checking it has the one consumed topic (topics[0]). */
    private static JsonPath topic(JsonPath status) {
        assertEquals(List.of(CONSUMED), status.getList("topics.topic"));
        return status;
    }

    private static EventEnvelope event() {
        return EventEnvelope.create("LotRecorded", 1, "Lot", UUID.randomUUID().toString(), UUID.randomUUID(),
                Instant.now(), EventJson.toTree(Map.of("amount", "1.00")));
    }
}

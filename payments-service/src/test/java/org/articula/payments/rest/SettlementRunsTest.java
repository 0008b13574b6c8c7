package org.articula.payments.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.payments.support.Deliveries;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Settlement runs the treasurer's screen can watch: asked with Prefer: respond-async they are answered 202
 * at once with where to follow them, their steps show as they finish, a repeated runId starts nothing, and
 * a run that fails says why in words the treasurer can act on.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class SettlementRunsTest {

    static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    static final String ASYNC = "respond-async";
    static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;
    @Inject
    DataSource dataSource;

    UUID organisation;
    Deliveries milk;

    @BeforeEach
    void anAssociationWhoseMembersDelivered() {
        organisation = UUID.randomUUID();
        TestTokens.actAs("Tesorera", organisation, Roles.TREASURER);
        milk = new Deliveries(organisation, UUID.randomUUID(), "milk", "L");
    }

    @Test
    void anAsyncRunIsAcceptedAtOnceAndFollowedUntilDoneAndItsRunIdNeverStartsASecondRun() {
        UUID rosa = milk.producer("Rosa Quispe", UpstreamEvents.terms().basePrice("1.03"));
        milk.lot(rosa, OCT_1.plusDays(1), "100", "ACCEPTED");
        milk.lot(rosa, OCT_1.plusDays(2), "20", "REJECTED");
        milk.awaitAll(em);
        UUID runId = UUID.randomUUID();

        ExtractableResponse<Response> accepted = runAsync(runId, OCT_1).then().statusCode(202)
                .header("Location", endsWith("/api/v1/settlements/runs/" + runId))
                .header("Preference-Applied", is(ASYNC))
                .body("id", is(runId.toString())).body("organisationId", is(organisation.toString()))
                .body("periodStart", is("2026-10-01")).body("stepsTotal", is(7)).extract();

        JsonPath done = follow(accepted.header("Location"), run -> !"RUNNING".equals(run.getString("status")));
        assertEquals("DONE", done.getString("status"), done.prettify());
        assertEquals(done.getInt("stepsTotal"), done.getInt("stepsDone"));
        assertEquals(2, done.getInt("lotLines"));
        assertEquals(1, done.getInt("producers"));
        String settlement = done.getString("settlementId");
        assertNotNull(settlement);
        given().get("/api/v1/settlements/" + settlement).then().statusCode(200).body("status", is("OPEN"))
                .body("runs", is(1)).body("lastRunId", is(runId.toString())).body("gross", is(103.00f));

        // Repeated, with or without waiting: the same run, nothing computed again.
        runAsync(runId, OCT_1).then().statusCode(200).header("Location", endsWith("/api/v1/settlements/runs/" + runId))
                .body("id", is(runId.toString())).body("status", is("DONE")).body("settlementId", is(settlement));
        given().contentType(ContentType.JSON).body(body(runId, OCT_1)).post("/api/v1/settlements/runs").then()
                .statusCode(200).body("id", is(settlement)).body("runs", is(1));
        assertEquals(1, runsOfOrganisation());
        // The id cannot name another fortnight's run.
        runAsync(runId, OCT_1.plusDays(15)).then().statusCode(409).contentType(PROBLEM)
                .body("violations[0].field", is("runId"));
        assertEquals(1, runsOfOrganisation());
    }

    // rule R12: a run is one transaction; its steps follow the rules' order, instalments (R9) among the last
    @Test
    void theStepsShowAsTheyFinishWhileTheRunComputes() throws Exception {
        UUID rosa = milk.producer("Rosa Quispe", UpstreamEvents.terms().basePrice("1.00"));
        milk.lot(rosa, OCT_1.plusDays(1), "50", "ACCEPTED");
        milk.awaitAll(em);
        UUID runId = UUID.randomUUID();
        // Instalments are read by the last step (deductions): while another transaction holds them, the run
        // waits there with every earlier step finished.
        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table instalment in access exclusive mode");
            }
            String location = runAsync(runId, OCT_1).then().statusCode(202).extract().header("Location");
            JsonPath midway = follow(location, run -> run.getInt("stepsDone") == run.getInt("stepsTotal") - 1);
            assertEquals("RUNNING", midway.getString("status"));
            assertEquals("producer totals", midway.getString("step"));
            assertTrue(midway.getString("durationsMs").contains("lot lines"), midway.prettify());
            blocker.rollback();
        }
        JsonPath done = follow("/api/v1/settlements/runs/" + runId, run -> !"RUNNING".equals(run.getString("status")));
        assertEquals("DONE", done.getString("status"));
        assertEquals(7, done.getInt("stepsDone"));
    }

    @Test
    void whatCanBeRefusedAtOnceIsRefusedBeforeAnythingStarts() {
        runAsync(UUID.randomUUID(), OCT_1.plusDays(2)).then().statusCode(400).contentType(PROBLEM)
                .body("violations[0].field", is("fortnightStart"));
        given().header(TestTokens.as(UUID.randomUUID(), Roles.TREASURER)).header("Prefer", ASYNC)
                .contentType(ContentType.JSON).body(body(UUID.randomUUID(), OCT_1)).post("/api/v1/settlements/runs")
                .then().statusCode(404).contentType(PROBLEM);
        given().header(TestTokens.as(organisation, Roles.AUDITOR)).header("Prefer", ASYNC).contentType(ContentType.JSON)
                .body(body(UUID.randomUUID(), OCT_1)).post("/api/v1/settlements/runs").then().statusCode(403);
        assertEquals(0, runsOfOrganisation());

        // A closed fortnight is refused at once too.
        UUID rosa = milk.producer("Rosa Quispe", UpstreamEvents.terms().basePrice("1.00"));
        milk.lot(rosa, OCT_1.plusDays(1), "10", "ACCEPTED");
        milk.awaitAll(em);
        String settlement = given().contentType(ContentType.JSON).body(body(null, OCT_1))
                .post("/api/v1/settlements/runs").then().statusCode(200).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of()).post("/api/v1/settlements/" + settlement + "/closing")
                .then().statusCode(200);
        runAsync(UUID.randomUUID(), OCT_1).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("está cerrada"));
        assertEquals(1, runsOfOrganisation());
        given().get("/api/v1/settlements/runs/" + UUID.randomUUID()).then().statusCode(404);
    }

    // --- helpers ---

    private Response runAsync(UUID runId, LocalDate fortnight) {
        return given().header("Prefer", ASYNC).contentType(ContentType.JSON).body(body(runId, fortnight))
                .post("/api/v1/settlements/runs");
    }

    private Map<String, Object> body(UUID runId, LocalDate fortnight) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", organisation, "fortnightStart",
                fortnight.toString()));
        if (runId != null) {
            body.put("runId", runId);
        }
        return body;
    }

    /** Polls the run (as the treasurer's progress bar does) until {@code until} holds; 30 s at most. */
    private static JsonPath follow(String location, Predicate<JsonPath> until) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonPath run = given().get(location).then().statusCode(200).extract().jsonPath();
            if (until.test(run)) {
                return run;
            }
            assertTrue(Instant.now().isBefore(deadline), () -> "the run never got there: " + run.prettify());
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private int runsOfOrganisation() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from settlement_run where organisation_id = :org").setParameter("org", organisation)
                .getSingleResult()).intValue());
    }
}

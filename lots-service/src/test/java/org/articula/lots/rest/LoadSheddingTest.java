package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.articula.localstack.testing.IdenticalRequests;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.articula.platform.admission.AdmissionControl;
import org.articula.platform.admission.AdmissionLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Admission control (decision 0034) with a limit small enough to saturate from a test: 2 requests in service, 2
 * waiting 20 ms at most. What it refuses is a 503 problem+json with Retry-After and nothing stored; the same
 * request sent again later is stored once; the operational endpoints are never refused.
 */
@QuarkusTest
@TestProfile(LoadSheddingTest.SmallLimit.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class LoadSheddingTest {

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("articula.admission.max-concurrent", "2", "articula.admission.max-waiting", "2",
                    "articula.admission.max-wait", "20ms", "articula.admission.retry-after", "2",
                    "quarkus.http.read-timeout", "2s");
        }
    }

    static final String LOTS = "/api/v1/lots";
    static final String DETAIL = "El servicio está atendiendo todas las solicitudes que puede responder a tiempo y no "
            + "procesó esta: no se guardó nada. Repita la misma solicitud en 2 segundos.";

    @Inject
    LotRepository lots;
    @Inject
    AdmissionControl admission;

    UUID association = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();

    @BeforeEach
    void aCentreWhereRosaDeliversMilk() {
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).registered(),
                ContractsFeed.milkAgreement(association).individual(rosa).quality(ContractsFeed.MILK_QUALITY)
                        .activated());
        TestTokens.actAs("Julia Ramos", association, TestTokens.STAFF);
        Centres.open(association, centre, "Centro de acopio Santa Rosa", operator, "Julia Ramos");
    }

    @Test
    void aBurstIsPartlyRefusedWithNothingStoredAndTheRefusedSentAgainAreStoredOnce() throws Exception {
        List<Map<String, Object>> bodies = new ArrayList<>();
        List<Supplier<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Map<String, Object> body = milk(UUID.randomUUID());
            bodies.add(body);
            requests.add(() -> given().contentType(ContentType.JSON).body(body).post(LOTS));
        }
        List<Response> answers = IdenticalRequests.sendTogether(requests);

        List<Map<String, Object>> refused = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            Response answer = answers.get(i);
            UUID id = (UUID) bodies.get(i).get("id");
            if (answer.statusCode() == 503) {
                assertOverloaded(answer);
                assertEquals(0, lots.count("id", id), "a refused lot is not stored");
                refused.add(bodies.get(i));
            } else {
                assertEquals(201, answer.statusCode(), answer::asString);
                assertEquals(1, lots.count("id", id));
            }
        }
        assertTrue(!refused.isEmpty() && refused.size() < bodies.size(),
                "40 at once past a limit of 2 + 2: some stored, some refused; refused " + refused.size());

        for (Map<String, Object> body : refused) { // what a device does after Retry-After: the same request
            given().contentType(ContentType.JSON).body(body).post(LOTS).then().statusCode(201);
        }
        for (Map<String, Object> body : bodies) {
            assertEquals(1, lots.count("id", body.get("id")), "every lot stored once, nothing lost or doubled");
        }
        given().contentType(ContentType.JSON).body(bodies.get(0)).post(LOTS).then().statusCode(200);
    }

    @Test
    void whileEveryPermitIsTakenTheApiIsRefusedButHealthMetricsAndTheOpenApiDocumentAnswer() throws Exception {
        AdmissionLimiter limiter = admission.limiter().orElseThrow();
        awaitInService(limiter, 0);
        assertEquals(AdmissionLimiter.Outcome.ADMITTED, limiter.enter(() -> {
        }));
        assertEquals(AdmissionLimiter.Outcome.ADMITTED, limiter.enter(() -> {
        }));
        try {
            UUID id = UUID.randomUUID();
            assertOverloaded(given().contentType(ContentType.JSON).body(milk(id)).post(LOTS));
            assertEquals(0, lots.count("id", id));
            assertOverloaded(given().get(LOTS + "/" + id));
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/health/live").then().statusCode(200);
            given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("articula_admission_in_flight 2.0"))
                    .body(containsString("articula_admission_shed_total{reason=\"timeout\""));
        } finally {
            limiter.release();
            limiter.release();
        }
        assertEquals(0, limiter.inService());
    }

    @Test
    void aPermitComesBackWhenTheAnswerIsARefusalAndWhenTheClientLeavesBeforeItsBodyArrives() throws Exception {
        AdmissionLimiter limiter = admission.limiter().orElseThrow();
        awaitInService(limiter, 0);
        given().contentType(ContentType.JSON).body("{\"id\":").post(LOTS).then().statusCode(400);
        awaitInService(limiter, 0);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            String head = "POST " + LOTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.current() + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
            socket.getOutputStream().write((head + "{\"id\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            awaitInService(limiter, 1); // admitted, and waiting for the rest of its body
        }
        awaitInService(limiter, 0);
    }

    @Test
    void aLotWhoseBodyArrivesInPiecesIsReadWholeBeforeItRunsAndStoredOnce() throws Exception {
        AdmissionLimiter limiter = admission.limiter().orElseThrow();
        awaitInService(limiter, 0);
        UUID id = UUID.randomUUID();
        byte[] body = new ObjectMapper().writeValueAsBytes(milk(id));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            sendHeadAndHalf(socket, body);
            awaitInService(limiter, 1); // admitted, its body read on the event loop as it comes
            assertEquals(0, lots.count("id", id), "nothing runs before the whole body is there");
            socket.getOutputStream().write(body, body.length / 2, body.length - body.length / 2);
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 201"), answer);
        }
        assertEquals(1, lots.count("id", id));
        awaitInService(limiter, 0);
    }

    @Test
    void aLotSentOverHttp2AsTheWebAppsProxyDoesIsStoredOnce() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                    .setHttp2ClearTextUpgrade(false));
            UUID id = UUID.randomUUID();
            Buffer body = Buffer.buffer(new ObjectMapper().writeValueAsBytes(milk(id)));
            HttpClientResponse answer = client.request(HttpMethod.POST, RestAssured.port, "localhost", LOTS)
                    .compose(request -> request.putHeader("Authorization", "Bearer " + TestTokens.current())
                            .putHeader("Content-Type", "application/json").send(body))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertEquals(HttpVersion.HTTP_2, answer.version());
            assertEquals(201, answer.statusCode());
            assertEquals(1, lots.count("id", id));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aClientThatStopsSendingItsBodyIsCutOffAfterTheReadTimeoutAndItsPermitComesBack() throws Exception {
        AdmissionLimiter limiter = admission.limiter().orElseThrow();
        awaitInService(limiter, 0);
        UUID id = UUID.randomUUID();
        byte[] body = new ObjectMapper().writeValueAsBytes(milk(id));
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            sendHeadAndHalf(socket, body);
            awaitInService(limiter, 1);
            long start = System.nanoTime();
            assertEquals(-1, socket.getInputStream().read(), "closed without an answer: nothing was run");
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited < 8_000, "cut off after the 2 s read timeout, not the idle timeout: " + waited + " ms");
        }
        awaitInService(limiter, 0);
        assertEquals(0, lots.count("id", id));
    }

    /** A lot's request line, headers (its whole length declared) and the first half of its body, by hand. */
    private static void sendHeadAndHalf(Socket socket, byte[] body) throws IOException {
        socket.setSoTimeout(10_000);
        String head = "POST " + LOTS + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.current() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().write(body, 0, body.length / 2);
        socket.getOutputStream().flush();
    }

    private static void assertOverloaded(Response answer) {
        answer.then().statusCode(503).contentType("application/problem+json").header("Retry-After", "2");
        assertEquals(Map.of("type", "urn:articula:problem:overloaded", "title", "Servicio ocupado", "status", 503,
                "detail", DETAIL, "instance", answer.path("instance")), answer.jsonPath().getMap("$"));
        assertTrue(answer.<String>path("instance").startsWith(LOTS), answer::asString);
    }

    /** A permit comes back when the server has finished the answer, a moment after the client has it. */
    private static void awaitInService(AdmissionLimiter limiter, int count) throws InterruptedException {
        for (int i = 0; i < 100 && limiter.inService() != count; i++) {
            Thread.sleep(50);
        }
        assertEquals(count, limiter.inService());
    }

    private Map<String, Object> milk(UUID id) {
        return Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", rosa, "product", "milk",
                "quantity", new BigDecimal("18.5"), "unit", "L", "shift", "MORNING",
                "deliveredAt", LimaDays.earlierOn(ContractsFeed.TODAY).toString(), "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new BigDecimal("11.8")),
                        Map.of("parameter", "temperature", "value", new BigDecimal("6.5")),
                        Map.of("parameter", "antibiotics", "result", false)));
    }
}

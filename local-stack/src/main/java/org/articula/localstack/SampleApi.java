package org.articula.localstack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.articula.localstack.security.DevKeys;
import org.articula.localstack.security.Tokens;

/**
 * JSON calls to one service for the sample data, with a development token of the organisation the
 * data belongs to ({@link #actFor}); an unexpected answer fails with the call and its body.
 */
final class SampleApi {

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    record Response(int status, JsonNode json) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** The sample data is loaded as a manager of each organisation who holds every staff role. */
    static final String[] ROLES = { "buyer-admin", "centre-operator", "treasurer" };
    static final String USER = "datos de ejemplo (local-stack)";
    private static final int MAX_REPEATS = 20;

    private final URI base;
    private final DevKeys keys;
    private final Map<UUID, String> tokens = new HashMap<>();
    private String token;

    SampleApi(URI base, DevKeys keys) {
        this.base = base;
        this.keys = keys;
    }

    /** The following calls act for this organisation. */
    void actFor(UUID organisationId) {
        token = tokens.computeIfAbsent(organisationId, org -> keys.sign(Tokens.Claims.of(USER, org, ROLES)));
    }

    /** Sends {@code body} (none when null) and returns the answer if its status is one of {@code expected}. */
    Response call(String method, String path, Object body, String what, int... expected)
            throws IOException, InterruptedException {
        URI uri = base.resolve(path);
        String json = body == null ? "" : JSON.writeValueAsString(body);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").header("Accept", "application/json, application/geo+json")
                .header("Authorization", "Bearer " + token)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response = send(request, what);
        // A temporary refusal (terms that have not reached the service yet) says when to repeat the request.
        for (int repeats = 0; repeats < MAX_REPEATS
                && response.headers().firstValue("Retry-After").isPresent(); repeats++) {
            Thread.sleep(1000L * Long.parseLong(response.headers().firstValue("Retry-After").get()));
            response = send(request, what);
        }
        for (int status : expected) {
            if (response.statusCode() == status) {
                try {
                    return new Response(status, JSON.readTree(response.body()));
                } catch (JsonProcessingException e) {
                    throw new IOException("sample data: " + what + ": " + method + " " + uri + " answered " + status
                            + " with a body that is not JSON: " + abbreviate(response.body()), e);
                }
            }
        }
        throw new IOException("sample data: " + what + ": " + method + " " + uri + " answered "
                + response.statusCode() + ": " + abbreviate(response.body()) + "\n  request: " + abbreviate(json)
                + "\n  Skip sample data with " + SampleData.SWITCH_ENV + "=false.");
    }

    /**
     * Waits, until {@code deadline} at most, for this service to have published every event it recorded
     * (its read model status's outbox.pending is 0).
     */
    void awaitPublished(Instant deadline) throws IOException, InterruptedException {
        awaitStatus(deadline, status -> status.path("outbox").path("pending").asLong() == 0);
    }

    /**
     * Waits, until {@code deadline} at most, for this service to have applied every event on the topics it
     * reads (caughtUp). Ask the publishing service {@link #awaitPublished} first: events still in its outbox
     * are not on the topics yet.
     */
    void awaitCaughtUp(Instant deadline) throws IOException, InterruptedException {
        awaitStatus(deadline, status -> status.path("caughtUp").asBoolean());
    }

    private void awaitStatus(Instant deadline, Predicate<JsonNode> reached) throws IOException, InterruptedException {
        while (!reached.test(call("GET", "/api/v1/read-model/status", null, "read model status", 200).json())
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
    }

    private HttpResponse<String> send(HttpRequest request, String what) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException("sample data: " + what + ": " + request.method() + " " + request.uri() + " failed: "
                    + e, e);
        }
    }

    private static String abbreviate(String text) {
        String s = text == null ? "" : text.strip();
        return s.length() <= 2000 ? s : s.substring(0, 2000) + "...";
    }
}

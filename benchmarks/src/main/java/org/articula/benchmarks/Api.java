package org.articula.benchmarks;

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

/**
 * Every HTTP call of the benchmark goes through here, so that what every request needs (the bearer
 * token of the user it acts as) is added in {@link #request} only.
 */
final class Api {

    /** Where single lots are sent (POST). */
    static final String LOTS_PATH = "/api/v1/lots";

    static final ObjectMapper JSON = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    record Response(int status, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private volatile String token;

    /** The following calls carry this bearer token (a development token from the stack). */
    void actAs(String token) {
        this.token = token;
    }

    /**
     * A client for many single lots at once, on at most {@code connections} kept-alive connections, carrying the
     * token set now.
     */
    KeptAliveClient keptAlive(int connections) {
        return new KeptAliveClient(connections, token);
    }

    /** A request to {@code url} with the headers every call carries. */
    HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10))
                .header("Accept", "application/json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** A JSON POST of an already serialised body (serialised outside the measured time). */
    HttpRequest postJson(String url, String json) {
        return request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    /** POSTs {@code body} as JSON and returns the answer, failing unless its status is one of {@code expected}. */
    JsonNode post(String url, Object body, int... expected) throws IOException, InterruptedException {
        return expect(send(postJson(url, write(body))), "POST " + url, expected).json();
    }

    /** POSTs {@code body} as JSON asking to be answered at once (Prefer: respond-async). */
    JsonNode postAsync(String url, Object body, int... expected) throws IOException, InterruptedException {
        HttpRequest request = request(url).header("Content-Type", "application/json").header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)).build();
        return expect(send(request), "POST " + url, expected).json();
    }

    /** POSTs a CSV document. */
    JsonNode postCsv(String url, String csv, int... expected) throws IOException, InterruptedException {
        HttpRequest request = request(url).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        return expect(send(request), "POST " + url, expected).json();
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        return expect(send(request(url).GET().build()), "GET " + url, 200).json();
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The UTF-8 bytes of {@code body} as JSON (serialised before any clock starts). */
    static byte[] writeBytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Response expect(Response response, String call, int... expected) throws IOException {
        for (int status : expected) {
            if (response.status() == status) {
                return response;
            }
        }
        String body = response.body() == null ? "" : response.body();
        throw new IOException(call + " answered " + response.status() + ": "
                + (body.length() > 2000 ? body.substring(0, 2000) + "..." : body));
    }
}

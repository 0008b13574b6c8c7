package org.articula.localstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The answer checker against lots-service's published document, served as the service would serve it: it
 * passes what the document says and names what it does not (an undocumented status, a body of another
 * shape, a missing Location, a null where none may be, a media type not documented).
 */
class OpenApiAnswersTest {

    private static final String CENTRE = "{\"id\":\"6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10\","
            + "\"organisationId\":\"0b7e4d2c-91a3-4f6e-8c5d-3a2b1c0d9e8f\",\"name\":\"Centro Laredo\","
            + "\"district\":\"Laredo\",\"region\":null,\"latitude\":-8.09,\"longitude\":-78.96,"
            + "\"createdAt\":\"2026-03-01T10:00:00Z\"}";
    private static final String NOT_FOUND = "{\"type\":\"urn:articula:problem:not-found\",\"title\":\"No encontrado\","
            + "\"status\":404,\"detail\":\"Centro x no existe\",\"instance\":\"/api/v1/collection-centres/x\"}";
    private static HttpServer server;
    private static String origin;

    @BeforeAll
    static void serveTheDocument() throws IOException {
        Path yaml = EventSchemas.eventsDirectory().getParent().resolve("lots-service.yaml");
        byte[] json = new ObjectMapper().writeValueAsBytes(new ObjectMapper(new YAMLFactory()).readTree(yaml.toFile()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/q/openapi", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, json.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        assertTrue(Files.exists(yaml));
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static List<String> check(String method, String path, int status, Map<String, String> headers,
            String body) {
        return OpenApiAnswers.violations(method, URI.create(origin + path), status, headers::get, body);
    }

    private static Map<String, String> json(String... more) {
        return more.length == 0
                ? Map.of("Content-Type", "application/json")
                : Map.of("Content-Type", "application/json", more[0], more[1]);
    }

    @Test
    void aCreatedCentreAsDocumentedPasses() {
        assertEquals(List.of(), check("POST", "/api/v1/collection-centres", 201,
                json("Location", origin + "/api/v1/collection-centres/6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10"), CENTRE));
        assertEquals(List.of(), check("POST", "/api/v1/collection-centres", 200, json(), CENTRE));
    }

    @Test
    void aCreateWithoutLocationFails() {
        assertEquals(List.of("header Location is documented as required but missing"),
                check("POST", "/api/v1/collection-centres", 201, json(), CENTRE));
    }

    @Test
    void anUndocumentedStatusFails() {
        List<String> violations = check("GET", "/api/v1/collection-centres/6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10",
                500, Map.of("Content-Type", "application/problem+json"), NOT_FOUND.replace("404", "500"));
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("status 500 is not documented for GET /api/v1/collection-centres/"
                + "{centreId}"), violations::toString);
    }

    @Test
    void aBodyOfAnotherShapeFails() {
        List<String> violations = check("GET", "/api/v1/collection-centres/6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10",
                200, json(), CENTRE.replace("\"Centro Laredo\"", "42"));
        assertEquals(1, violations.size(), violations::toString);
        assertTrue(violations.get(0).startsWith("body $.name"), violations::toString);
    }

    @Test
    void aProblemMustBeAProblem() {
        String path = "/api/v1/collection-centres/6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10";
        Map<String, String> problem = Map.of("Content-Type", "application/problem+json");
        assertEquals(List.of(), check("GET", path, 404, problem, NOT_FOUND));
        assertTrue(check("GET", path, 404, problem, NOT_FOUND.replace("\"urn:articula:problem:not-found\"", "null"))
                .stream().anyMatch(v -> v.startsWith("body $.type")));
        assertTrue(check("GET", path, 404, Map.of("Content-Type", "text/plain"), "Not Found")
                .stream().anyMatch(v -> v.startsWith("Content-Type text/plain is not documented for 404")));
        assertTrue(check("GET", path, 404, problem, "").stream().anyMatch(v -> v.startsWith("no body came")));
    }

    @Test
    void aPathOfNoOperationIsAProblemOrAFailure() {
        Map<String, String> problem = Map.of("Content-Type", "application/problem+json");
        assertEquals(List.of(), check("DELETE", "/api/v1/collection-centres", 405, problem,
                NOT_FOUND.replace("404", "405")));
        assertEquals(List.of("no documented operation, yet answered 200"),
                check("GET", "/api/v1/nowhere", 200, json(), "{}"));
    }

    @Test
    void headIsCheckedAsTheGetItAnswersWithoutItsBody() {
        String path = "/api/v1/collection-centres/6f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10";
        assertEquals(List.of(), check("HEAD", path, 200, json(), ""));
        assertTrue(check("HEAD", path, 500, json(), "").get(0).startsWith("status 500 is not documented"));
    }

    @Test
    void theOperationalEndpointsAreNotChecked() {
        assertEquals(List.of(), check("GET", "/q/health", 200, Map.of(), "anything"));
    }
}

package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./articula rebuild-read-model}: what it sends and prints, against a stand-in for the service's two
 * endpoints (the endpoints themselves are tested in lots-service and payments-service).
 */
class RebuildCommandTest {

    static final String ID = "6f1c2b9e-0d7a-4c55-9d5e-3b8a7e3f0a11";
    static final String RUNNING = "{\"id\":\"" + ID + "\",\"status\":\"RUNNING\",\"phase\":\"REPLAYING\","
            + "\"eventsReplayed\":%d,\"tables\":[]}";
    static final String DONE = "{\"id\":\"" + ID + "\",\"status\":\"SUCCEEDED\",\"phase\":\"DONE\","
            + "\"eventsReplayed\":1200,\"eventsFailed\":0,\"inboxRowsRestored\":7,\"tables\":[{\"table\":\"lot_ref\","
            + "\"rows\":1000,\"inserted\":3,\"updated\":2,\"deleted\":1}]}";

    @TempDir
    Path home;
    HttpServer service;
    final List<String> authorizations = new ArrayList<>();
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout;

    @BeforeEach
    void standIn() throws IOException {
        service = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        service.start();
        stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(stdout);
        service.stop(0);
    }

    @Test
    void startsTheRebuildAsPlatformAdminFollowsItAndPrintsTheCounts() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        service.createContext("/api/v1/read-model/rebuilds", exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            if ("POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Location", "/api/v1/read-model/rebuilds/" + ID);
                answer(exchange, 202, RUNNING.formatted(0));
            } else {
                int n = polls.incrementAndGet();
                answer(exchange, 200, n < 3 ? RUNNING.formatted(500 * n) : DONE);
            }
        });

        assertEquals(0, RebuildCommand.run(List.of("payments"), home, portBase()));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("REPLAYING: 500 events replayed"), printed);
        assertTrue(printed.contains("Done: 1200 events replayed, 0 refused by the handler, 7 inbox rows restored"),
                printed);
        assertTrue(printed.matches("(?s).*lot_ref\\s+1000\\s+3\\s+2\\s+1.*"), printed);
        assertEquals(4, authorizations.size());
        // Signed with the stack's development key, which the services trust.
        assertTrue(Files.isDirectory(LocalStack.keysDir(home)));
        for (String authorization : authorizations) {
            String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
            JsonNode claims = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(jwt[1]));
            assertEquals("[\"platform-admin\"]", claims.path("groups").toString());
        }
    }

    @Test
    void aRefusalIsPrintedAndFails() throws Exception {
        service.createContext("/api/v1/read-model/rebuilds", exchange -> answer(exchange, 409,
                "{\"type\":\"urn:articula:problem:rebuild-running\",\"status\":409}"));
        assertEquals(1, RebuildCommand.run(List.of("payments"), home, portBase()));
        assertEquals(2, RebuildCommand.run(List.of("contracts"), home, portBase()), "not a service with a read model");
    }

    // payments-service listens on ARTICULA_PORT_BASE + 2: the stand-in does.
    private Map<String, String> portBase() {
        return Map.of("ARTICULA_PORT_BASE", Integer.toString(service.getAddress().getPort() - 2));
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}

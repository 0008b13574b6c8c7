package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenLoopTest {

    private HttpServer server;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
    private final Set<String> bodiesSeen = ConcurrentHashMap.newKeySet();

    /** A server that answers each POST after {@code serviceMillis}, noting which connection it came on. */
    private String serve(long serviceMillis, int status) throws IOException {
        // Without it the JDK's server sends the body after the headers only once the client acknowledges them
        // (Nagle and delayed acknowledgement): ~40 ms per answer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/lots", exchange -> answer(exchange, serviceMillis, status));
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/lots";
    }

    private void answer(HttpExchange exchange, long serviceMillis, int status) throws IOException {
        clientPorts.add(exchange.getRemoteAddress().getPort());
        bodiesSeen.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        try {
            Thread.sleep(serviceMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] body = (status == 503 ? "{\"status\":503}" : "{\"ok\":true}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type",
                status == 503 ? "application/problem+json" : "application/json");
        if (status == 503) {
            exchange.getResponseHeaders().set("Retry-After", "1");
        }
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private static List<byte[]> bodies(int n) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            bodies.add(("{\"lot\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    @Test
    void sendsEachBodyOnceWhenDueOverAtMostTheGivenConnectionsKeptAlive() throws Exception {
        String url = serve(0, 201);
        int n = 150;
        long[] due = new long[n];
        long[] done = new long[n];
        int[] status = new int[n];
        double seconds;
        try (KeptAliveClient client = new KeptAliveClient(4, null)) {
            seconds = OpenLoop.send(client, url, bodies(n), 0, n, 500, (i, d, t, answer) -> {
                due[i] = d;
                done[i] = t;
                status[i] = answer.status();
            });
        }
        for (int i = 0; i < n; i++) {
            assertEquals(201, status[i], "lot " + i);
            assertEquals(TimeUnit.MILLISECONDS.toNanos(2) * i, due[i] - due[0], "lot " + i + " is due 2 ms apart");
            assertTrue(done[i] >= due[i], "lot " + i + " was not sent before it was due");
        }
        assertEquals(n, bodiesSeen.size(), "every body arrived once");
        // 149 periods of 2 ms: paced at the rate, not sent in a burst.
        assertTrue(seconds >= 0.298, "sending took " + seconds + " s");
        assertTrue(clientPorts.size() <= 4, clientPorts.size() + " connections, at most 4 were allowed");
    }

    @Test
    void aSlowServerMakesTheLaterBodiesLateAndTheirWaitCountsFromWhenTheyWereDue() throws Exception {
        // Two connections and 100 ms per answer take 20 a second; 20 are due within 190 ms.
        String url = serve(100, 201);
        int n = 20;
        long[] waitMillis = new long[n];
        try (KeptAliveClient client = new KeptAliveClient(2, null)) {
            OpenLoop.send(client, url, bodies(n), 0, n, 100,
                    (i, due, done, answer) -> waitMillis[i] = TimeUnit.NANOSECONDS.toMillis(done - due));
        }
        for (int i = 0; i < n; i++) {
            assertTrue(waitMillis[i] >= 100, "lot " + i + " waited " + waitMillis[i] + " ms");
        }
        // The last two went out at ~900 ms, 710 ms after they were due, and were answered 100 ms later.
        assertTrue(waitMillis[n - 1] >= 700, "the last lot waited only " + waitMillis[n - 1] + " ms");
    }

    @Test
    void theAnswerHasTheStatusHeadersAndBodyOfARefusal() throws Exception {
        String url = serve(0, 503);
        List<KeptAliveClient.Answer> answers = new ArrayList<>();
        try (KeptAliveClient client = new KeptAliveClient(1, "token-1")) {
            OpenLoop.send(client, url, bodies(1), 0, 1, 10, (i, due, done, answer) -> answers.add(answer));
        }
        KeptAliveClient.Answer refusal = answers.get(0);
        assertEquals(503, refusal.status());
        assertEquals("application/problem+json", refusal.contentType());
        assertEquals("1", refusal.retryAfter());
        assertEquals("{\"status\":503}", refusal.body());
    }

    @Test
    void aRequestWithNoAnswerIsReportedWithoutOne() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        List<Integer> indexes = new ArrayList<>();
        List<KeptAliveClient.Answer> answers = new ArrayList<>();
        try (KeptAliveClient client = new KeptAliveClient(1, null)) {
            OpenLoop.send(client, "http://127.0.0.1:" + port + "/lots", bodies(3), 0, 3, 100,
                    (i, due, done, answer) -> {
                        indexes.add(i);
                        answers.add(answer);
                    });
        }
        assertEquals(List.of(0, 1, 2), indexes);
        answers.forEach(a -> assertNull(a));
    }
}

package org.articula.web.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The browser's door: sign-in as a sample user with the development key, the session cookie that
 * scripts cannot read, and forwarding to a service with the session's token, against a stand-in
 * service that records what it received.
 */
@QuarkusTest
@TestProfile(WebGatewayTest.WithDevKey.class)
class WebGatewayTest {

    static final Path DIR = tempDir();
    /** What the stand-in service last received; a system property, since Quarkus loads this class twice. */
    static final String RECEIVED = "articula.web.test.received";
    static final String BUSY = "{\"type\":\"urn:articula:problem:overloaded\",\"title\":\"Servicio ocupado\","
            + "\"status\":503,\"detail\":\"Repita la misma solicitud en 2 segundos.\",\"instance\":\"/api/v1/busy\"}";
    static final HttpServer LOTS = upstream();

    public static class WithDevKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String lots = "http://localhost:" + LOTS.getAddress().getPort();
            return Map.of("articula.dev-sign-in.keys-dir", DIR.toString(),
                    "articula.dev-sign-in.users-file", DIR.resolve("dev-users.json").toString(),
                    "articula.web.lots-url", lots, "articula.web.contracts-url", "http://localhost:1",
                    "articula.web.payments-url", lots);
        }
    }

    @AfterAll
    static void stop() {
        LOTS.stop(0);
    }

    @Test
    void offersTheSampleUsersAndSignsInWithAnHttpOnlyStrictCookie() {
        given().get("/auth/options").then().statusCode(200).body("devUsers", equalTo(true)).body("oidc",
                equalTo(false));
        given().get("/auth/dev-users").then().statusCode(200).body("name", hasItem("Julia Ramos Alvarado"));
        Response login = given().contentType(ContentType.JSON).body("{\"userId\":\"operator\"}")
                .post("/auth/dev-login");
        login.then().statusCode(200).body("name", equalTo("Julia Ramos Alvarado"))
                .body("roles", hasItem("centre-operator"));
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        given().cookie("articula_session", login.getCookie("articula_session")).get("/auth/me").then()
                .statusCode(200).body("organisationId", equalTo("7b0f5c4e-0000-4000-8000-000000000001"));
    }

    @Test
    void refusesAnUnknownUserAndAForgedSession() {
        given().contentType(ContentType.JSON).body("{\"userId\":\"nobody\"}").post("/auth/dev-login").then()
                .statusCode(422).contentType("application/problem+json");
        given().get("/auth/me").then().statusCode(401).contentType("application/problem+json");
        String forged = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4IiwiZXhwIjo0MTAyNDQ0ODAwfQ.";
        given().cookie("articula_session", forged).get("/auth/me").then().statusCode(401);
        given().cookie("articula_session", forged).get("/api/lots/v1/lots/1").then().statusCode(200);
        assertEquals("GET /api/v1/lots/1 auth=none", System.getProperty(RECEIVED),
                "a forged session forwards no token");
    }

    @Test
    void forwardsToTheServiceWithTheSessionsTokenAndRewritesLocation() {
        String session = given().contentType(ContentType.JSON).body("{\"userId\":\"operator\"}").post("/auth/dev-login")
                .getCookie("articula_session");
        given().cookie("articula_session", session).contentType(ContentType.JSON).body("{\"lots\":[]}")
                .post("/api/lots/v1/lots/batch?x=1").then().statusCode(201)
                .header("Location", equalTo("/api/lots/v1/lots/abc")).body(containsString("echo"));
        assertEquals("POST /api/v1/lots/batch?x=1 auth=Bearer " + session + " body={\"lots\":[]}",
                System.getProperty(RECEIVED));
    }

    @Test
    void refusesAWriteFromAnotherSiteAndAnUnknownService() {
        given().header("Origin", "https://evil.example").contentType(ContentType.JSON).body("{}")
                .post("/api/lots/v1/lots").then().statusCode(403).contentType("application/problem+json");
        given().get("/api/ledger/v1/x").then().statusCode(404).contentType("application/problem+json");
        given().get("/api/contracts/v1/agreements").then().statusCode(502).contentType("application/problem+json")
                .body("detail", not(nullValue()));
    }

    /** A service shedding load (decision 0034): the phone needs its Retry-After and problem to wait, not fail. */
    @Test
    void passesAServiceThatShedsLoadThroughUnchanged() {
        given().contentType(ContentType.JSON).body("{\"lots\":[]}").post("/api/lots/v1/busy").then().statusCode(503)
                .contentType("application/problem+json").header("Retry-After", equalTo("2")).body(equalTo(BUSY));
    }

    @Test
    void servesTheAppShellWithItsSecurityHeaders() {
        given().get("/").then().statusCode(200).header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Cache-Control", equalTo("no-cache")).body(containsString("<div id=\"app\">"));
    }

    private static HttpServer upstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                System.setProperty(RECEIVED, exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                        + (auth == null ? "none" : auth) + (body.isEmpty() ? "" : " body=" + body));
                if (exchange.getRequestURI().getPath().endsWith("/busy")) {
                    byte[] problem = BUSY.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
                    exchange.getResponseHeaders().add("Retry-After", "2");
                    exchange.sendResponseHeaders(503, problem.length);
                    exchange.getResponseBody().write(problem);
                    exchange.close();
                    return;
                }
                byte[] answer = "{\"echo\":true}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                boolean post = "POST".equals(exchange.getRequestMethod());
                if (post) {
                    exchange.getResponseHeaders().add("Location", "http://localhost:9/api/v1/lots/abc");
                }
                exchange.sendResponseHeaders(post ? 201 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("articula-web-test");
            KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Files.writeString(dir.resolve("jwt-private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(dir.resolve("jwt-public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.writeString(dir.resolve("dev-users.json"), """
                    [{"id":"operator","name":"Julia Ramos Alvarado","description":"Operadora",
                      "roles":["centre-operator"],"organisationId":"7b0f5c4e-0000-4000-8000-000000000001",
                      "organisationName":"Asociación","producerId":null}]""");
            return dir;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}

package org.articula.e2e;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.articula.localstack.LocalStack;
import org.articula.localstack.testing.TestTopics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole system as {@code ./articula} starts it, sample data included, then stopped and started
 * again on the same data directory, as the README promises. One stack for both: a start is half a
 * minute of a two-core machine, and the restart is the more telling on a directory a day of use filled.
 *
 * <p>First the web app in a real Chromium: the journeys are written in JavaScript next to the app
 * (web/frontend/e2e, playwright-core and axe-core from the lockfile) and run here by the machine's
 * Node.js, so they are part of {@code mvn verify}. Screenshots and the measured figures go to
 * web/target/. Then the restart: each service's database, the broker's topics, the development
 * signing key (a token issued before still works) and what the consumers had applied are kept.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArticulaWithSampleDataTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    static Path root;
    static Path home;
    static Map<String, String> env;
    static LocalStack stack;

    @BeforeAll
    static void startAsTheReadmeSays() throws Exception {
        root = Path.of(System.getProperty("articula.root", "..")).toAbsolutePath().normalize();
        home = Files.createTempDirectory("articula-sample");
        env = new HashMap<>(IsolatedStack.env());
        env.put("ARTICULA_SAMPLE_DATA", "true");
        stack = LocalStack.start(root, home, env);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theJourneysPassInChromium() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium chromium-driver"
                + " (.ci/run does it)");
        Path frontend = root.resolve("web/frontend");
        assertTrue(Files.isDirectory(frontend.resolve("node_modules/playwright-core")),
                "web/frontend/node_modules is missing: the web module's build runs npm ci");
        // Into a file, then printed: a child writing to the test JVM's own stdout would garble Surefire's channel.
        Path output = root.resolve("web/target/browser-tests.log");
        Files.createDirectories(output.getParent());
        ProcessBuilder journeys = new ProcessBuilder("npm", "run", "browser-test").directory(frontend.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        journeys.environment().put("ARTICULA_WEB_URL", stack.baseUrl("web"));
        journeys.environment().put("ARTICULA_SCREENSHOTS", root.resolve("web/target/screenshots").toString());
        journeys.environment().put("CHROMIUM", CHROMIUM.toString());
        Process process = journeys.start();
        boolean finished = process.waitFor(15, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        System.out.println(Files.readString(output));
        assertTrue(finished, "browser journeys still running after 15 minutes");
        assertEquals(0, process.exitValue(), "browser journeys failed (their output is above, and in " + output + ")");
    }

    @Test
    @Order(2)
    void aSecondStartOnTheSameDirectoryKeepsTheDataTheEventsAndTheKey() throws Exception {
        UUID association = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        String token = stack.token("Carmen Vásquez", association, "buyer-admin");
        String contracts = stack.baseUrl("contracts-service");
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", association, "name", "Asociación de Productores Lecheros de Laredo",
                        "kind", "ASSOCIATION", "district", "Laredo"))
                .post(contracts + "/api/v1/organisations").then().statusCode(201);
        RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("id", producer, "nationalId", "45871236", "name", "Rosa Quispe Huamán",
                        "district", "Laredo"))
                .post(contracts + "/api/v1/organisations/" + association + "/producers").then().statusCode(201);
        TestTopics.eventually("the producer in lots-service's read model", Duration.ofSeconds(60),
                () -> producersInLots(stack.database("lots"), producer) > 0 ? Boolean.TRUE : null);
        String lotsBefore = queryOne(stack.database("lots"), "select count(*) from lot");

        LocalStack first = stack;
        stack = null; // closed here: the class's @AfterAll closes only what started after it
        first.close();
        stack = LocalStack.start(root, home, env);

        contracts = stack.baseUrl("contracts-service");
        RestAssured.given().header("Authorization", "Bearer " + token)
                .get(contracts + "/api/v1/organisations/" + association + "/producers/" + producer)
                .then().statusCode(200).body("name", is("Rosa Quispe Huamán"));
        assertEquals(1, producersInLots(stack.database("lots"), producer), "lots-service's read model kept");
        // The sample data is loaded once: a second start finds it there and adds no lot.
        assertEquals(lotsBefore, queryOne(stack.database("lots"), "select count(*) from lot"),
                "the lots recorded before the restart, no more and no fewer");
        long registered = TestTopics.readAll(stack.bootstrapServers(), "contracts.events").stream()
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"ProducerRegistered\"")
                        && new String(r.value(), StandardCharsets.UTF_8).contains(producer.toString()))
                .count();
        assertEquals(1, registered, "the broker kept the event, published once");
        // Kept data must also survive a crash, and the server is sized for fortnights of lots.
        Map<String, String> expected = Map.of("fsync", "on", "synchronous_commit", "on", "shared_buffers", "512MB",
                "max_wal_size", "4GB");
        expected.forEach((name, value) -> assertEquals(value, queryOne(stack.database("lots"),
                "select current_setting(?)", name), name));
    }

    private static int producersInLots(LocalStack.Database lots, UUID producer) {
        return Integer.parseInt(queryOne(lots, "select count(*) from producer_ref where id = ?", producer));
    }

    private static String queryOne(LocalStack.Database db, String sql, Object... parameters) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement q = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

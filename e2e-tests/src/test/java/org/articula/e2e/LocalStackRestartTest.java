package org.articula.e2e;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.Map;
import java.util.UUID;
import org.articula.localstack.LocalStack;
import org.articula.localstack.testing.TestTopics;
import org.junit.jupiter.api.Test;

/**
 * The README's promise for {@code ./articula}: stopped and started again on the same data directory,
 * the stack keeps everything: each service's database, the broker's topics, the development signing
 * key (a token issued before still works) and what the consumers had applied.
 */
class LocalStackRestartTest {

    @Test
    void aSecondStartOnTheSameDirectoryKeepsTheDataTheEventsAndTheKey() throws Exception {
        Path root = Path.of(System.getProperty("articula.root", "..")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("articula-restart");
        Map<String, String> env = IsolatedStack.env();
        UUID association = UUID.randomUUID();
        UUID producer = UUID.randomUUID();
        String token;

        try (LocalStack first = LocalStack.start(root, home, env)) {
            token = first.token("Carmen Vásquez", association, "buyer-admin");
            String contracts = first.baseUrl("contracts-service");
            RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("id", association, "name", "Asociación de Productores Lecheros de Laredo",
                            "kind", "ASSOCIATION", "district", "Laredo"))
                    .post(contracts + "/api/v1/organisations").then().statusCode(201);
            RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                    .body(Map.of("id", producer, "nationalId", "45871236", "name", "Rosa Quispe Huamán",
                            "district", "Laredo"))
                    .post(contracts + "/api/v1/organisations/" + association + "/producers").then().statusCode(201);
            awaitProducerInLots(first.database("lots"), producer);
        }

        try (LocalStack second = LocalStack.start(root, home, env)) {
            String contracts = second.baseUrl("contracts-service");
            RestAssured.given().header("Authorization", "Bearer " + token)
                    .get(contracts + "/api/v1/organisations/" + association + "/producers/" + producer)
                    .then().statusCode(200).body("name", is("Rosa Quispe Huamán"));
            assertEquals(1, producersInLots(second.database("lots"), producer), "lots-service's read model kept");
            long registered = TestTopics.readAll(second.bootstrapServers(), "contracts.events").stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"ProducerRegistered\"")
                            && new String(r.value(), StandardCharsets.UTF_8).contains(producer.toString()))
                    .count();
            assertEquals(1, registered, "the broker kept the event, published once");
            // Kept data must also survive a crash, and the server is sized for fortnights of lots.
            Map<String, String> expected = Map.of("fsync", "on", "synchronous_commit", "on", "shared_buffers", "512MB",
                    "max_wal_size", "4GB");
            expected.forEach((name, value) -> assertEquals(value, setting(second.database("lots"), name), name));
        }
    }

    private static void awaitProducerInLots(LocalStack.Database lots, UUID producer) {
        TestTopics.eventually("the producer in lots-service's read model", Duration.ofSeconds(60),
                () -> producersInLots(lots, producer) > 0 ? Boolean.TRUE : null);
    }

    private static int producersInLots(LocalStack.Database lots, UUID producer) {
        return Integer.parseInt(queryOne(lots, "select count(*) from producer_ref where id = ?", producer));
    }

    private static String setting(LocalStack.Database db, String name) {
        return queryOne(db, "select current_setting(?)", name);
    }

    private static String queryOne(LocalStack.Database db, String sql, Object parameter) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

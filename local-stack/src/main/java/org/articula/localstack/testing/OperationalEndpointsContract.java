package org.articula.localstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every Articula service must expose to operators, checked against the running application.
 * A service's test extends it and is a {@code @QuarkusTest}; name and database come from its own
 * configuration.
 */
public abstract class OperationalEndpointsContract {

    private static String serviceName() {
        return config("quarkus.application.name");
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    @Test
    void readinessReportsTheDatabaseAndKafkaUp() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void livenessReportsTheEventPipelineUp() {
        given().get("/q/health/live")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.find { it.name == 'Event pipeline' }.data.outbox-relay", is("running"));
    }

    @Test
    void openApiDescribesTheServiceAndSwaggerUiIsServed() {
        given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", is("Articula " + serviceName()));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /**
     * api-specs/ publishes each service's OpenAPI; it must be what the service serves. After a deliberate
     * API change, run the tests with -Darticula.openapi.update=true and review the diff of api-specs/.
     */
    @Test
    void thePublishedOpenApiIsTheOneTheServiceServes() throws Exception {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Path spec = repositoryRoot().resolve("api-specs").resolve(serviceName() + ".yaml");
        if (Boolean.getBoolean("articula.openapi.update")) {
            Files.createDirectories(spec.getParent());
            Files.writeString(spec, served);
        }
        assertTrue(Files.exists(spec), spec + " is missing; run the tests once with -Darticula.openapi.update=true");
        assertEquals(Files.readString(spec), served, "api-specs/" + serviceName()
                + ".yaml differs from the running service; run with -Darticula.openapi.update=true and review the diff");
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-stack")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("not inside the Articula repository: " + Path.of("").toAbsolutePath());
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"))
                .body(containsString("process_uptime_seconds"))
                .body(containsString("articula_outbox_pending"))
                .body(containsString("articula_inbox_dead_letters"))
                .body(containsString("articula_admission_in_flight"));
    }

    /**
     * Every service says how far it has caught up (to any signed-in user: no business data in it) and lists
     * its dead letters to platform admins only.
     */
    @Test
    void theReadModelStatusIsOpenToEveryRoleAndDeadLettersToPlatformAdminsOnly() {
        given().header(TestTokens.as(UUID.randomUUID(), "producer")).get("/api/v1/read-model/status")
                .then().statusCode(200)
                .body("service", is(serviceName()))
                .body("outbox.topic", is(config("articula.events.topic")));
        given().header(TestTokens.as(UUID.randomUUID(), "treasurer")).get("/api/v1/dead-letters")
                .then().statusCode(403);
        given().header(TestTokens.as(UUID.randomUUID(), "platform-admin")).get("/api/v1/dead-letters")
                .then().statusCode(200);
    }

    @Test
    void theSchemaIsManagedByFlywayIncludingTheOutboxAndInbox() throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(config("quarkus.datasource.jdbc.url"),
                config("quarkus.datasource.username"), config("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = 'public'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertTrue(tables.containsAll(List.of("flyway_schema_history", "outbox_event", "inbox_event", "dead_letter")),
                "tables found: " + tables);
    }
}

package org.articula.localstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.articula.localstack.KafkaTopics;
import org.articula.localstack.PostgresServer;
import org.testcontainers.DockerClientFactory;

/**
 * Gives a service's {@code @QuarkusTest}s a real PostgreSQL and a real Kafka broker.
 *
 * <p>Which ones is decided once per JVM, deterministically: {@code -Darticula.test.infrastructure} or
 * {@code ARTICULA_TEST_INFRASTRUCTURE} ({@code containers} or {@code embedded}) when set; otherwise
 * containers if a Docker engine answers, else the embedded PostgreSQL server and an in-process KRaft
 * broker. The infrastructure lives as long as the test JVM, so Quarkus restarts between test classes
 * do not pay for it again.
 *
 * <p>It also configures the service to trust the test JVM's token key ({@link TestTokens}).
 *
 * <p>Init arg {@code database}: the database name the service uses (default {@code articula}).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String MODE_PROPERTY = "articula.test.infrastructure";

    private static Infrastructure infrastructure;

    private String database = "articula";

    /** What a test needs to reach the infrastructure directly (its own Kafka clients, JDBC checks). */
    public interface Infrastructure {
        String jdbcUrl(String database);

        String username();

        String password();

        String bootstrapServers();

        void createDatabase(String name) throws Exception;
    }

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = get();
        try {
            infra.createDatabase(database);
        } catch (Exception e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
        Map<String, String> config = new java.util.HashMap<>(TestTokens.config());
        config.putAll(Map.of(
                "quarkus.datasource.jdbc.url", infra.jdbcUrl(database),
                "quarkus.datasource.username", infra.username(),
                "quarkus.datasource.password", infra.password(),
                "kafka.bootstrap.servers", infra.bootstrapServers()));
        return config;
    }

    @Override
    public void stop() {
        // Kept for the rest of the JVM (see class comment); a shutdown hook stops it.
    }

    /** The running infrastructure, started on first use. */
    public static synchronized Infrastructure get() {
        if (infrastructure == null) {
            infrastructure = startInfrastructure();
        }
        return infrastructure;
    }

    private static Infrastructure startInfrastructure() {
        String mode = System.getProperty(MODE_PROPERTY, System.getenv("ARTICULA_TEST_INFRASTRUCTURE"));
        if (mode == null) {
            mode = dockerAvailable() ? "containers" : "embedded";
        }
        System.out.println("[articula] test infrastructure: " + mode);
        try {
            Infrastructure started = switch (mode) {
                case "embedded" -> EmbeddedInfrastructure.start();
                case "containers" -> ContainerInfrastructure.start();
                default -> throw new IllegalArgumentException(MODE_PROPERTY + " must be embedded or containers, not "
                        + mode);
            };
            KafkaTopics.ensure(started.bootstrapServers(), 3);
            return started;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("test infrastructure (" + mode + ") did not start", e);
        }
    }

    // Ask Testcontainers only where an engine could be: its probing is slow on machines without one.
    private static boolean dockerAvailable() {
        String dockerHost = System.getenv("DOCKER_HOST");
        boolean socket = Files.exists(Path.of("/var/run/docker.sock"));
        if ((dockerHost == null || dockerHost.isBlank()) && !socket) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Shared by both modes: databases are created over JDBC. */
    abstract static class JdbcInfrastructure implements Infrastructure {
        @Override
        public void createDatabase(String name) throws Exception {
            PostgresServer.createDatabases(jdbcUrl("postgres"), username(), password(), name);
        }
    }
}

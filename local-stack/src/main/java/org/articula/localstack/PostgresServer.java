package org.articula.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries shipped in a Maven artifact (no Docker, no install).
 * With a data directory, a second start reuses the databases of the first.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDirectory where the cluster lives; null for a throw-away one
     * @param port          0 for any free port
     */
    public static PostgresServer start(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on");
        if (port > 0) {
            builder.setPort(port);
        }
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            // The defaults are for a tiny machine: with 128 MB of buffers the lot tables and their indexes no
            // longer fit after a few fortnights of lots and backends write out pages themselves, and 1 GB of WAL
            // forces a checkpoint (then full-page images for every page touched again) every ~0.5 GB written,
            // i.e. every 50,000 lots. A server of our own is set up as a small production one would be.
            builder.setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("checkpoint_completion_target", "0.9");
        }
        extraSettings(System.getenv("ARTICULA_PG_SETTINGS")).forEach(builder::setServerConfig);
        return new PostgresServer(builder.start());
    }

    /**
     * Settings for measuring, e.g. ARTICULA_PG_SETTINGS="shared_preload_libraries=pg_stat_statements" to count
     * the statements a benchmark phase sends: name=value pairs separated by spaces.
     */
    static Map<String, String> extraSettings(String pairs) {
        Map<String, String> settings = new LinkedHashMap<>();
        if (pairs != null) {
            for (String pair : pairs.trim().split("\\s+")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    settings.put(pair.substring(0, eq), pair.substring(eq + 1));
                } else if (!pair.isEmpty()) {
                    throw new IllegalArgumentException("ARTICULA_PG_SETTINGS: " + pair + " is not name=value");
                }
            }
        }
        return settings;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return jdbcUrl("localhost", port(), database);
    }

    public static String jdbcUrl(String host, int port, String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates each database that does not exist yet (PostgreSQL has no CREATE DATABASE IF NOT EXISTS). */
    public static void createDatabases(String adminJdbcUrl, String user, String password, String... databases)
            throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminJdbcUrl, user, password)) {
            for (String database : databases) {
                if (!database.matches("[a-z_][a-z0-9_]*")) {
                    throw new IllegalArgumentException("unsafe database name: " + database);
                }
                try (PreparedStatement exists = connection.prepareStatement(
                        "select 1 from pg_database where datname = ?")) {
                    exists.setString(1, database);
                    try (ResultSet rs = exists.executeQuery()) {
                        if (rs.next()) {
                            continue;
                        }
                    }
                }
                try (Statement create = connection.createStatement()) {
                    create.execute("create database " + database);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

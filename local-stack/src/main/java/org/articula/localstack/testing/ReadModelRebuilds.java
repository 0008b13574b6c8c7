package org.articula.localstack.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.articula.localstack.KafkaClientLoading;

/**
 * For the services' read-model rebuild tests: the read model's rows as they are, dropping it, and running a
 * rebuild through {@code /api/v1/read-model/rebuilds} to its end.
 */
public final class ReadModelRebuilds {

    public static final String PATH = "/api/v1/read-model/rebuilds";

    private ReadModelRebuilds() {
    }

    public static Connection connect(String database) throws SQLException {
        RealInfrastructure.Infrastructure infra = RealInfrastructure.get();
        return DriverManager.getConnection(infra.jdbcUrl(database), infra.username(), infra.password());
    }

    /**
     * Every row of each table, every column but {@code except}, as JSON text, ordered by primary key: table name
     * to rows.
     */
    public static Map<String, List<String>> rows(String database, List<String> tables, Set<String> except)
            throws SQLException {
        Map<String, List<String>> all = new LinkedHashMap<>();
        try (Connection c = connect(database)) {
            for (String table : tables) {
                List<String> key = new ArrayList<>();
                try (PreparedStatement pk = c.prepareStatement(
                        """
                        select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid
                            and a.attnum = any(i.indkey)
                        where i.indrelid = to_regclass(?) and i.indisprimary order by array_position(i.indkey, a.attnum)""")) {
                    pk.setString(1, table);
                    try (ResultSet columns = pk.executeQuery()) {
                        while (columns.next()) {
                            key.add("t." + columns.getString(1));
                        }
                    }
                }
                assertTrue(!key.isEmpty(), table + " has no primary key");
                List<String> rows = new ArrayList<>();
                try (PreparedStatement select = c
                        .prepareStatement("select cast(to_jsonb(t) - cast(? as text[]) as text) "
                                + "from " + table + " t order by " + String.join(", ", key))) {
                    select.setArray(1, c.createArrayOf("text", except.toArray()));
                    try (ResultSet found = select.executeQuery()) {
                        while (found.next()) {
                            rows.add(found.getString(1));
                        }
                    }
                }
                all.put(table, rows);
            }
        }
        return all;
    }

    /** Loses the read model: its tables emptied and the consumer's inbox rows deleted. */
    public static void drop(String database, String consumer, List<String> tables) throws SQLException {
        try (Connection c = connect(database);
                Statement st = c.createStatement();
                PreparedStatement inbox = c.prepareStatement("delete from inbox_event where consumer = ?")) {
            st.execute("truncate " + String.join(", ", tables));
            inbox.setString(1, consumer);
            inbox.executeUpdate();
        }
    }

    /** How many of these events the consumer's inbox holds (a row each at most: the key is the event id). */
    public static long inboxRows(String database, String consumer, List<UUID> eventIds) throws SQLException {
        return count(database, "select count(*) from inbox_event where consumer = '" + consumer.replace("'", "''")
                + "' and event_id = any(?)", eventIds.stream().distinct().toArray(UUID[]::new));
    }

    /** Waits until the consumer group has committed every partition of {@code topics} to its end. */
    public static void awaitConsumed(String group, Collection<String> topics) {
        try (Admin admin = KafkaClientLoading
                .admin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestTopics.bootstrap()))) {
            TestTopics.eventually(group + " at the end of " + topics, Duration.ofSeconds(30), () -> {
                try {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                    admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) -> d
                            .partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                                    OffsetSpec.latest())));
                    boolean atEnd = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                            .allMatch(e -> e.getValue().offset() == 0 || committed.get(e.getKey()) != null
                                    && committed.get(e.getKey()).offset() >= e.getValue().offset());
                    return atEnd ? Boolean.TRUE : null;
                } catch (Exception e) {
                    return null;
                }
            });
        }
    }

    /** Starts a rebuild (202 with Location) and follows it to SUCCEEDED; @return the finished rebuild. */
    public static JsonPath rebuild(Header admin) {
        Response started = given().header(admin).post(PATH).then().statusCode(202)
                .body("status", is("RUNNING")).extract().response();
        String location = started.header("Location");
        assertTrue(location != null && location.endsWith(PATH + "/" + started.path("id")), "Location " + location);
        String id = started.path("id");
        JsonPath done = TestTopics.eventually("rebuild " + id + " finished", Duration.ofSeconds(60), () -> {
            JsonPath now = given().header(admin).get(PATH + "/" + id).then().statusCode(200).extract().jsonPath();
            return "RUNNING".equals(now.getString("status")) ? null : now;
        });
        assertEquals("SUCCEEDED", done.getString("status"), "rebuild " + id + ": " + done.prettify());
        return done;
    }

    /** The counts of one table in a finished rebuild: rows, inserted, updated, deleted. */
    public static List<Long> counts(JsonPath rebuild, String table) {
        Map<String, Object> t = rebuild.getMap("tables.find { it.table == '" + table + "' }");
        assertTrue(t != null, "no counts for " + table + " in " + rebuild.prettify());
        return List.of(((Number) t.get("rows")).longValue(), ((Number) t.get("inserted")).longValue(),
                ((Number) t.get("updated")).longValue(), ((Number) t.get("deleted")).longValue());
    }

    /**
     * The replay test: once the consumer has applied everything, the read model's rows are kept, the read model
     * is dropped ({@link #drop}), rebuilt, and must be row by row what it was, every row inserted by the rebuild,
     * and the events' inbox rows given back. @return the rows as they were
     */
    public static Map<String, List<String>> assertDroppedAndRebuilt(String database, String consumer,
            List<String> topics, List<String> tables, Set<String> notFromEvents, List<UUID> eventIds, Header admin)
            throws SQLException {
        awaitConsumed(consumer, topics);
        Map<String, List<String>> before = rows(database, tables, notFromEvents);
        drop(database, consumer, tables);
        assertTrue(rows(database, tables, notFromEvents).values().stream().allMatch(List::isEmpty), "dropped");
        JsonPath rebuilt = rebuild(admin);

        assertEquals(before, rows(database, tables, notFromEvents));
        for (String table : tables) {
            long rows = before.get(table).size();
            assertEquals(List.of(rows, rows, 0L, 0L), counts(rebuilt, table), table);
        }
        assertTrue(rebuilt.getLong("eventsReplayed") >= eventIds.size(), rebuilt.prettify());
        assertEquals(eventIds.size(), inboxRows(database, consumer, eventIds), "inbox rows of the events, given back");
        return before;
    }

    /**
     * Runs a rebuild to its end while {@code publishOne} keeps being called from another thread (at least
     * {@code atLeast} times, and until the rebuild has finished), and asserts some calls came while it ran.
     */
    public static void rebuildWhilePublishing(Header admin, int atLeast, Runnable publishOne)
            throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean rebuilding = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicInteger during = new java.util.concurrent.atomic.AtomicInteger();
        Thread writer = new Thread(() -> {
            for (int i = 0; rebuilding.get() || i < atLeast; i++) {
                publishOne.run();
                if (rebuilding.get()) {
                    during.incrementAndGet();
                }
            }
        });
        writer.start();
        try {
            rebuild(admin);
        } finally {
            rebuilding.set(false);
            writer.join();
        }
        assertTrue(during.get() > 0, "nothing was published while the rebuild ran");
    }

    /**
     * A rebuild when nothing is lost: every row is already what the events make it, so it changes none (which
     * also shows the handler is a function of the events alone).
     */
    public static void assertRebuildChangesNothing(String database, List<String> tables, Header admin)
            throws SQLException {
        Map<String, List<String>> live = rows(database, tables, Set.of());
        JsonPath again = rebuild(admin);
        assertEquals(live, rows(database, tables, Set.of()));
        for (String table : tables) {
            assertEquals(List.of((long) live.get(table).size(), 0L, 0L, 0L), counts(again, table), table);
        }
        assertEquals(0, again.getLong("inboxRowsRestored"));
    }

    /** The single number {@code sql} counts, given one parameter. */
    public static long count(String database, String sql, Object parameter) throws SQLException {
        try (Connection c = connect(database); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter instanceof UUID[] ids ? c.createArrayOf("uuid", ids) : parameter);
            try (ResultSet found = query.executeQuery()) {
                found.next();
                return found.getLong(1);
            }
        }
    }

    /**
     * The refusals: roles other than platform-admin get 403 (start and status), no token 401, and a rebuild while
     * another holds {@code advisoryLock} (one running in any instance) 409 rebuild-running, all problem+json.
     */
    public static void assertRefusals(String database, long advisoryLock, Header admin) throws SQLException {
        UUID org = UUID.randomUUID();
        for (String role : List.of("buyer-admin", "centre-operator", "treasurer", "auditor", "producer")) {
            SecurityAssertions.forbidden(given().header(TestTokens.as(org, role)).post(PATH).then());
            SecurityAssertions.forbidden(given().header(TestTokens.as(org, role)).get(PATH + "/" + UUID.randomUUID())
                    .then());
        }
        SecurityAssertions.unauthorized(given().header(TestTokens.anonymous()).post(PATH).then());
        SecurityAssertions.notFound(given().header(admin).get(PATH + "/" + UUID.randomUUID()).then());
        try (Connection other = connect(database); Statement st = other.createStatement()) {
            st.execute("select pg_advisory_lock(" + advisoryLock + ")");
            given().header(admin).post(PATH).then().statusCode(409).contentType("application/problem+json")
                    .body("type", is("urn:articula:problem:rebuild-running"));
            st.execute("select pg_advisory_unlock(" + advisoryLock + ")");
        }
    }
}

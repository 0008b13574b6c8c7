package org.articula.payments.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTopics;
import org.articula.localstack.testing.upstream.UpstreamEvent;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.junit.jupiter.api.Test;

/**
 * What payments-service's database does for each lot event (docs/decisions/0033-fewer-writes-per-lot.md): rows
 * inserted and updated per table and WAL bytes, counted by PostgreSQL over many events, for a burst (applied a
 * poll at a time) and for events one at a time. A lot event keeps no inbox row.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "payments"))
class WritesPerLotEventTest {

    static final List<String> TABLES = List.of("lot_ref", "inbox_event", "inbox_position");
    static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);

    @Inject
    DataSource dataSource;

    @Test
    void aBurstOfLotEventsWritesTheirLotsAndNoInboxRows() {
        UUID organisation = UUID.randomUUID();
        List<UpstreamEvent> burst = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            burst.add(lot(organisation).recorded());
        }
        Map<String, Long> before = snapshot();
        UpstreamEvents.publish(burst);
        awaitLots(organisation, burst.size());
        report("burst", before, burst.size());

        assertEquals(0, inboxRows(burst), "inbox rows of lot events");
    }

    @Test
    void lotEventsOneAtATimeWriteTheirLotsAndNoInboxRows() {
        UUID organisation = UUID.randomUUID();
        List<UpstreamEvent> sent = new ArrayList<>();
        Map<String, Long> before = snapshot();
        for (int i = 0; i < 60; i++) {
            UpstreamEvent event = lot(organisation).recorded();
            sent.add(event);
            UpstreamEvents.publish(event);
            awaitLots(organisation, sent.size());
        }
        report("one at a time", before, sent.size());

        assertEquals(0, inboxRows(sent), "inbox rows of lot events");
    }

    private static org.articula.localstack.testing.upstream.Lot lot(UUID organisation) {
        return UpstreamEvents.lot().organisation(organisation).producer(UUID.randomUUID()).quantity("20")
                .deliveredOn(OCT_2);
    }

    private void awaitLots(UUID organisation, int expected) {
        TestTopics.await(expected + " lots", () -> count("select count(*) from lot_ref where organisation_id = ?",
                organisation) == expected);
    }

    private long inboxRows(List<UpstreamEvent> events) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement query = c
                        .prepareStatement("select count(*) from inbox_event where event_id = any(?)")) {
            query.setArray(1, c.createArrayOf("uuid", events.stream().map(UpstreamEvent::eventId).toArray()));
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Prints rows inserted and updated per event and WAL bytes per event, once the statistics (reported by busy
     * backends within seconds of going idle) show the lots inserted.
     */
    private void report(String what, Map<String, Long> before, int events) {
        Map<String, Long> after = TestTopics.eventually("the statistics of " + what, java.time.Duration.ofSeconds(30),
                () -> {
                    Map<String, Long> now = snapshot();
                    return now.get("lot_ref.ins") - before.get("lot_ref.ins") >= events ? now : null;
                });
        StringBuilder line = new StringBuilder("[writes per lot event, " + what + "] ");
        for (String key : after.keySet()) {
            line.append(String.format("%s %.2f; ", key, (after.get(key) - before.get(key)) / (double) events));
        }
        System.out.println(line);
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> figures = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement query = c.prepareStatement("select n_tup_ins, n_tup_upd,"
                        + " pg_total_relation_size(relid) from pg_stat_user_tables where relid = to_regclass(?)")) {
                    query.setString(1, table);
                    try (ResultSet rs = query.executeQuery()) {
                        rs.next();
                        figures.put(table + ".ins", rs.getLong(1));
                        figures.put(table + ".upd", rs.getLong(2));
                        figures.put(table + ".bytes", rs.getLong(3));
                    }
                }
            }
            try (PreparedStatement wal = c.prepareStatement("select pg_current_wal_lsn() - '0/0'");
                    ResultSet rs = wal.executeQuery()) {
                rs.next();
                figures.put("wal.bytes", rs.getLong(1));
            }
            return figures;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.articula.lots.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.localstack.testing.LimaDays;
import org.articula.localstack.testing.RealInfrastructure;
import org.articula.localstack.testing.TestTokens;
import org.articula.localstack.testing.TestTopics;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.support.Centres;
import org.articula.lots.support.ContractsFeed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the database does for each lot recorded through the API (docs/decisions/0033-fewer-writes-per-lot.md):
 * rows inserted, updated and deleted per table, bytes the tables and their indexes grow by, and WAL bytes,
 * counted by PostgreSQL itself over N lots rather than timed, so the figures hold on a busy machine. The
 * relay's deletes of the published events are waited for and counted too.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "lots"))
class WritesPerLotTest {

    static final int LOTS = 200;
    static final List<String> TABLES = List.of("lot", "lot_revision", "outbox_event", "audit_entry", "outbox_relay");

    @Inject
    DataSource dataSource;

    UUID association = UUID.randomUUID();
    UUID rosa = UUID.randomUUID();
    UUID centre = UUID.randomUUID();
    UUID operator = UUID.randomUUID();

    @BeforeEach
    void aCentreWithAMilkAgreement() {
        UUID network = UUID.randomUUID();
        ContractsFeed.deliver(UpstreamEvents.producer().id(rosa).organisation(association).group(network).registered(),
                ContractsFeed.milkAgreement(association).buyer(UUID.randomUUID()).group(network)
                        .quality(ContractsFeed.MILK_QUALITY).activated());
        TestTokens.actAs("Julia Ramos", association, TestTokens.STAFF);
        Centres.open(association, centre, "Centro de acopio Santa Rosa", operator, "Julia Ramos");
    }

    @Test
    void aSingleLotWritesOneLotRowNoRevisionRowOneEventAndOneAuditEntry() {
        Snapshot before = snapshot();
        for (int i = 0; i < LOTS; i++) {
            given().contentType(ContentType.JSON).body(milk(UUID.randomUUID())).post("/api/v1/lots").then()
                    .statusCode(201);
        }
        awaitWrites(before);

        assertRowsPerLot(0, 1);
    }

    @Test
    void aBatchWritesTheSameRowsPerLot() {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < LOTS; i++) {
            batch.add(milk(UUID.randomUUID()));
        }
        Snapshot before = snapshot();
        given().contentType(ContentType.JSON).body(Map.of("lots", batch)).post("/api/v1/lots/batch").then()
                .statusCode(200);
        awaitWrites(before);

        assertRowsPerLot(0, 1);
    }

    /** The lot row was revision 1 until the correction: then it is kept as a row, as recorded. */
    @Test
    void aCorrectionKeepsTheFirstRevisionAsItWasRecorded() {
        UUID id = UUID.randomUUID();
        given().contentType(ContentType.JSON).body(milk(id)).post("/api/v1/lots").then().statusCode(201);
        given().get("/api/v1/lots/" + id + "/history").then().statusCode(200).body("revision", contains(1))
                .body("kind", contains("RECORDED")).body("quantity", contains(18.5f))
                .body("changedBy", contains("Julia Ramos"));
        assertEquals(0, count("select count(*) from lot_revision where lot_id = '" + id + "'"));

        given().contentType(ContentType.JSON).body(Map.of("version", 0, "quantity", 17, "reason", "balanza", "by",
                "Julia Ramos")).post("/api/v1/lots/" + id + "/corrections").then().statusCode(200);
        given().get("/api/v1/lots/" + id + "/history").then().statusCode(200).body("revision", contains(1, 2))
                .body("kind", contains("RECORDED", "CORRECTED")).body("quantity", contains(18.5f, 17.0f))
                .body("changedBy", contains("Julia Ramos", "Julia Ramos"));
        assertEquals(2, count("select count(*) from lot_revision where lot_id = '" + id + "'"));
    }

    /**
     * The association's rows, counted exactly (the statistics above are reported late by busy backends): one lot
     * row, {@code revisions} revision rows and {@code audit} audit entries per lot.
     */
    private void assertRowsPerLot(int revisions, int audit) {
        assertEquals(LOTS, count("select count(*) from lot where organisation_id = ?"), "lot rows");
        assertEquals(LOTS * revisions, count("select count(*) from lot_revision r join lot l on l.id = r.lot_id"
                + " where l.organisation_id = ?"), "lot_revision rows");
        assertEquals(LOTS * audit, count("select count(*) from audit_entry where organisation_id = ?"
                + " and resource_type = 'Lot'"), "audit entries");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement query = c.prepareStatement(sql)) {
            if (sql.contains("?")) {
                query.setObject(1, association);
            }
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> milk(UUID id) {
        return new LinkedHashMap<>(Map.of("id", id, "centreId", centre, "operatorId", operator, "producerId", rosa,
                "product", "milk", "quantity", new BigDecimal("18.5"), "unit", "L", "shift", "MORNING",
                "deliveredAt", LimaDays.earlierOn(ContractsFeed.TODAY).toString(),
                "readings", List.of(
                        Map.of("parameter", "total_solids", "value", new BigDecimal("11.8"), "instrument",
                                "lactodensímetro"),
                        Map.of("parameter", "temperature", "value", new BigDecimal("6.5"), "instrument", "termómetro"),
                        Map.of("parameter", "antibiotics", "result", false, "instrument", "kit beta-lactámicos"))));
    }

    /**
     * Waits until PostgreSQL's statistics show the lots stored and their events deleted by the relay (backends
     * report them within seconds of going idle), then prints what the lots cost.
     */
    private void awaitWrites(Snapshot before) {
        Writes writes = TestTopics.eventually("the lots stored and their events published", Duration.ofSeconds(60),
                () -> {
                    Writes now = new Writes(before, snapshot());
                    return now.rows("lot").get(0) >= LOTS && now.rows("outbox_event").get(2) >= LOTS
                            && count("select count(*) from outbox_event") == 0 ? now : null;
                });
        System.out.println("[writes per lot] " + writes.perLot());
    }

    /** Per table: rows inserted, updated, deleted so far, and bytes of table plus indexes; and the WAL position. */
    private record Snapshot(Map<String, List<Long>> tables, long walBytes) {
    }

    private Snapshot snapshot() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            Map<String, List<Long>> tables = new LinkedHashMap<>();
            for (String table : TABLES) {
                try (ResultSet rs = st
                        .executeQuery("select n_tup_ins, n_tup_upd, n_tup_del, pg_total_relation_size(relid)"
                                + " from pg_stat_user_tables where relid = '" + table + "'::regclass")) {
                    rs.next();
                    tables.put(table, List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            try (ResultSet rs = st.executeQuery("select pg_current_wal_lsn() - '0/0'")) {
                rs.next();
                return new Snapshot(tables, rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Writes(Snapshot before, Snapshot after) {

        /** Rows inserted, updated and deleted in the table since {@code before}. */
        List<Long> rows(String table) {
            List<Long> from = before.tables().get(table);
            List<Long> to = after.tables().get(table);
            return List.of(to.get(0) - from.get(0), to.get(1) - from.get(1), to.get(2) - from.get(2));
        }

        String perLot() {
            StringBuilder line = new StringBuilder();
            for (String table : TABLES) {
                List<Long> rows = rows(table);
                long bytes = after.tables().get(table).get(3) - before.tables().get(table).get(3);
                line.append(String.format("%s ins/upd/del %.2f/%.2f/%.2f, %d B; ", table, rows.get(0) / (double) LOTS,
                        rows.get(1) / (double) LOTS, rows.get(2) / (double) LOTS, bytes / LOTS));
            }
            return line.append("WAL ").append((after.walBytes() - before.walBytes()) / LOTS).append(" B").toString();
        }
    }
}

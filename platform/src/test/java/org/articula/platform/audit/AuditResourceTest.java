package org.articula.platform.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.localstack.testing.CsvDownloads;
import org.articula.localstack.testing.SecurityAssertions;
import org.articula.localstack.testing.TestTokens;
import org.articula.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The auditor searches the trail by resource and by days in Peru (UTC-5), both days included, and
 * downloads the same entries as a table.
 */
@QuarkusTest
class AuditResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final DateTimeFormatter LIMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    DataSource dataSource;

    UUID organisation;
    Header auditor;
    String settlement;

    /**
     * Four changes to one settlement around the 1st and 2nd of October in Lima: 30/09 23:59:59, 01/10 00:00,
     * 02/10 23:59:59 and 03/10 00:00 (Lima time); and a lot changed on the 1st.
     */
    @BeforeEach
    void changesAroundTwoDays() throws SQLException {
        organisation = UUID.randomUUID();
        auditor = TestTokens.as(organisation, Roles.AUDITOR);
        settlement = UUID.randomUUID().toString();
        insert("COMPUTED", "Settlement", settlement, "2026-10-01T04:59:59Z", "Tesorera", "{\"runs\": 1}");
        insert("COMPUTED", "Settlement", settlement, "2026-10-01T05:00:00Z", "Tesorera", "{\"runs\": 2}");
        insert("CLOSED", "Settlement", settlement, "2026-10-03T04:59:59Z", "Tesorera",
                "{\"periodStart\": \"2026-09-16\"}");
        insert("PAID", "Settlement", settlement, "2026-10-03T05:00:00Z", "=HYPERLINK(\"http://x\")", null);
        insert("CORRECTED", "Lot", UUID.randomUUID().toString(), "2026-10-01T15:00:00Z", "Operador", null);
    }

    @Test
    void fromAndToAreDaysInPeruBothIncluded() {
        JsonPath days = given().header(auditor).queryParam("resourceType", "Settlement")
                .queryParam("resourceId", settlement).queryParam("from", "2026-10-01").queryParam("to", "2026-10-02")
                .get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("2026-10-01T05:00:00Z", "2026-10-03T04:59:59Z"), days.getList("occurredAt"));
        assertEquals(List.of("COMPUTED", "CLOSED"), days.getList("action"));

        given().header(auditor).queryParam("resourceId", settlement).queryParam("from", "2026-10-02")
                .get("/api/v1/audit").then().statusCode(200).body("action", contains("CLOSED", "PAID"));
        given().header(auditor).queryParam("resourceId", settlement).queryParam("to", "2026-09-30")
                .get("/api/v1/audit").then().statusCode(200).body("action", contains("COMPUTED"))
                .body("[0].detail.runs", is(1));
        // one day, every resource of the organisation changed on it
        given().header(auditor).queryParam("from", "2026-10-01").queryParam("to", "2026-10-01")
                .get("/api/v1/audit").then().statusCode(200).body("resourceType", contains("Settlement", "Lot"));
        // another organisation's auditor finds nothing
        given().header(TestTokens.as(UUID.randomUUID(), Roles.AUDITOR)).queryParam("resourceId", settlement)
                .get("/api/v1/audit").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void aBadDayIsRefusedNamingTheParameter() {
        for (String[] bad : List.of(new String[] { "from", "01/10/2026" }, new String[] { "to", "2026-02-30" },
                new String[] { "from", "ayer" })) {
            given().header(auditor).queryParam(bad[0], bad[1]).get("/api/v1/audit")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", is("urn:articula:problem:validation"))
                    .body("violations[0].field", is(bad[0]));
        }
        given().header(auditor).queryParam("from", "2026-10-02").queryParam("to", "2026-10-01").get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("to"));
        // asking for the table changes nothing: a refusal is still problem+json
        given().header(auditor).accept("text/csv").queryParam("to", "31/10/2026").get("/api/v1/audit")
                .then().statusCode(400).contentType(PROBLEM).body("violations[0].field", is("to"));
        SecurityAssertions.forbidden(given().header(TestTokens.as(organisation, Roles.CENTRE_OPERATOR))
                .accept("text/csv").get("/api/v1/audit").then());
    }

    @Test
    void theSameEntriesAsATableForASpreadsheet() {
        JsonPath json = given().header(auditor).queryParam("resourceId", settlement).queryParam("from", "2026-10-01")
                .queryParam("to", "2026-10-03").get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
        CsvDownloads.Table table = CsvDownloads.get(given().header(auditor).queryParam("resourceId", settlement)
                .queryParam("from", "2026-10-01").queryParam("to", "2026-10-03"), "/api/v1/audit",
                "auditoria-2026-10-01-al-2026-10-03.csv");

        assertEquals(List.of("Fecha y hora (Perú)", "Acción", "Recurso", "Id del recurso", "Usuario", "Detalle"),
                table.header());
        assertEquals(json.getList("occurredAt").stream()
                .map(at -> LIMA_TIME.format(Instant.parse((String) at).atOffset(ZoneOffset.ofHours(-5))))
                .toList(), table.column("Fecha y hora (Perú)"));
        assertEquals(List.of("2026-10-01 00:00:00", "2026-10-02 23:59:59", "2026-10-03 00:00:00"),
                table.column("Fecha y hora (Perú)"));
        assertEquals(List.of("Calculado", "Cerrado", "Pago registrado"), table.column("Acción"));
        assertEquals(List.of("Liquidación", "Liquidación", "Liquidación"), table.column("Recurso"));
        assertEquals(json.getList("resourceId"), table.column("Id del recurso"));
        assertEquals("{\"runs\":2}", table.row(0).get("Detalle"));
        // a user name that a spreadsheet would run as a formula stays text
        assertEquals("'=HYPERLINK(\"http://x\")", table.row(2).get("Usuario"));

        // without asking for CSV, JSON as before
        given().header(auditor).queryParam("resourceId", settlement).get("/api/v1/audit").then().statusCode(200)
                .contentType("application/json");
        given().header(auditor).queryParam("resourceId", settlement).accept("*/*").get("/api/v1/audit").then()
                .statusCode(200).contentType("application/json");
    }

    private void insert(String action, String type, String id, String at, String actor, String detail)
            throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into audit_entry (id, organisation_id, actor, actor_organisation_id, action, resource_type,
                                         resource_id, occurred_at, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, organisation);
            insert.setString(3, actor);
            insert.setObject(4, organisation);
            insert.setString(5, action);
            insert.setString(6, type);
            insert.setString(7, id);
            insert.setObject(8, Instant.parse(at).atOffset(ZoneOffset.UTC));
            insert.setString(9, detail);
            insert.executeUpdate();
        }
    }
}

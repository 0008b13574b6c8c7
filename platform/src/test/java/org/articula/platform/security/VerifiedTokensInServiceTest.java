package org.articula.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.localstack.testing.SecurityAssertions;
import org.articula.localstack.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The service's bearer tokens go through {@link VerifiedTokens}: two callers of different organisations,
 * answered in turn from memory, each still sees only their own; a token changed after it passed is refused.
 */
@QuarkusTest
class VerifiedTokensInServiceTest {

    @Inject
    JWTParser parser;
    @Inject
    DataSource dataSource;

    @Test
    void callersAnsweredFromMemoryStayApart() throws SQLException, ParseException {
        VerifiedTokens tokens = (VerifiedTokens) ClientProxy.unwrap(parser);
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String resource = UUID.randomUUID().toString();
        auditEntry(mine, resource);
        String me = TestTokens.token("auditora", mine, Roles.AUDITOR);
        String them = TestTokens.token("auditor", theirs, Roles.AUDITOR);
        long before = tokens.size();

        for (int round = 0; round < 3; round++) {
            given().header(TestTokens.as(me)).queryParam("resourceId", resource).get("/api/v1/audit")
                    .then().statusCode(200).body("organisationId", contains(mine.toString()));
            given().header(TestTokens.as(them)).queryParam("resourceId", resource).get("/api/v1/audit")
                    .then().statusCode(200).body("size()", is(0));
        }
        assertEquals(before + 2, tokens.size());
        assertSame(tokens.parse(me), tokens.parse(me));

        String changed = VerifiedTokensTest.changedAt(me, me.indexOf('.') + 10);
        SecurityAssertions.unauthorized(given().header(TestTokens.as(changed)).get("/api/v1/audit").then());
        assertEquals(before + 2, tokens.size());
    }

    private void auditEntry(UUID organisation, String resource) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into audit_entry (id, organisation_id, actor, actor_organisation_id, action, resource_type,
                                         resource_id, occurred_at)
                values (?, ?, 'Tesorera', ?, 'CLOSED', 'Settlement', ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, organisation);
            insert.setObject(3, organisation);
            insert.setString(4, resource);
            insert.setObject(5, OffsetDateTime.now());
            insert.executeUpdate();
        }
    }
}

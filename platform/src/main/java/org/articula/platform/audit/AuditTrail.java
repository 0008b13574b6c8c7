package org.articula.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.platform.events.EventJson;
import org.articula.platform.security.CurrentUser;

/**
 * Writes the audit trail in the caller's transaction, so an entry exists if and only if its change
 * was committed, and reads it back per resource. The actor is the calling user (from the token) or
 * {@link #SYSTEM}.
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "sistema";

    private static final String INSERT = """
            insert into audit_entry (id, organisation_id, actor, actor_organisation_id, action, resource_type,
                                     resource_id, occurred_at, detail)
            values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""";

    /** A change to record: the resource, whose it is, and an optional small detail (serialised as JSON). */
    public record Change(UUID organisationId, String resourceType, Object resourceId, Object detail) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    CurrentUser user;
    @Inject
    Clock clock;

    /** The calling user did {@code action} to one resource of {@code organisationId}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, UUID organisationId, String resourceType, Object resourceId, Object detail) {
        recordAll(action, List.of(new Change(organisationId, resourceType, resourceId, detail)));
    }

    /** The calling user did {@code action} to each of these resources (e.g. a batch of lots): one batch insert. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAll(String action, Collection<Change> changes) {
        insert(user.name(), user.organisationId(), action, changes);
    }

    /**
     * A user did {@code action} to one resource, recorded where no request is being served (work a request
     * started and left running, e.g. a settlement run in the background): the caller read who they are while
     * serving the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordAs(String actor, UUID actorOrganisationId, String action, UUID organisationId,
            String resourceType, Object resourceId, Object detail) {
        insert(actor, actorOrganisationId, action,
                List.of(new Change(organisationId, resourceType, resourceId, detail)));
    }

    /** A change nobody requested (a scheduler, an event): the actor is {@link #SYSTEM}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordBySystem(String action, Collection<Change> changes) {
        insert(SYSTEM, null, action, changes);
    }

    /**
     * Entries on resources of {@code organisationId} or made by its users, oldest first; a null type
     * or id does not filter. At most {@code limit}, the latest ones.
     */
    public List<AuditEntry> find(UUID organisationId, String resourceType, String resourceId, int limit) {
        return find(organisationId, resourceType, resourceId, null, null, limit);
    }

    /**
     * As {@link #find(UUID, String, String, int)}, of the entries that occurred from {@code from} (inclusive)
     * until {@code until} (exclusive); a null bound does not filter.
     */
    public List<AuditEntry> find(UUID organisationId, String resourceType, String resourceId, Instant from,
            Instant until, int limit) {
        String sql = """
                select * from (
                  select id, organisation_id, actor, actor_organisation_id, action, resource_type, resource_id,
                         occurred_at, detail::text as detail
                  from audit_entry
                  where (organisation_id = ? or actor_organisation_id = ?)
                    and (cast(? as text) is null or resource_type = ?)
                    and (cast(? as text) is null or resource_id = ?)
                    and (cast(? as timestamptz) is null or occurred_at >= ?)
                    and (cast(? as timestamptz) is null or occurred_at < ?)
                  order by occurred_at desc, id
                  limit ?) latest
                order by occurred_at, id""";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, organisationId);
            query.setObject(2, organisationId);
            query.setString(3, resourceType);
            query.setString(4, resourceType);
            query.setString(5, resourceId);
            query.setString(6, resourceId);
            query.setObject(7, utc(from));
            query.setObject(8, utc(from));
            query.setObject(9, utc(until));
            query.setObject(10, utc(until));
            query.setInt(11, limit);
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    entries.add(
                            new AuditEntry(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                                    rs.getString("actor"), rs.getObject("actor_organisation_id", UUID.class),
                                    rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                                    rs.getTimestamp("occurred_at").toInstant(), json(rs.getString("detail"))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the audit trail", e);
        }
    }

    private void insert(String actor, UUID actorOrganisationId, String action, Collection<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        // Agroal hands out the connection already enlisted in the current transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Change change : changes) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, change.organisationId());
                insert.setString(3, actor);
                insert.setObject(4, actorOrganisationId);
                insert.setString(5, action);
                insert.setString(6, change.resourceType());
                insert.setString(7, String.valueOf(change.resourceId()));
                insert.setTimestamp(8, now);
                insert.setString(9, change.detail() == null
                        ? null
                        : EventJson.mapper().writeValueAsString(
                                change.detail() instanceof Map<?, ?> m && m.isEmpty() ? null : change.detail()));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not write the audit trail", e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static JsonNode json(String text) {
        try {
            return text == null ? null : EventJson.mapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

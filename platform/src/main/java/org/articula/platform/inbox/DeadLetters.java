package org.articula.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.jboss.logging.Logger;

/**
 * The events {@link InboxConsumer} dead-lettered, listed for an operator and re-driven once their cause is
 * fixed. A re-drive applies the event through the same exactly-once path as consumption: the inbox row
 * turns from DEAD_LETTERED to PROCESSED and the handler's effect is written in one transaction, so it is
 * applied once however many times it is re-driven, concurrently or not.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int LISTED_REASON_LENGTH = 300;
    private static final String COLUMNS = """
            id, topic, kafka_partition, kafka_offset, message_key, event_id, event_type, reason, exception, failed_at,
            attempts, status, redriven_at""";

    private final DataSource dataSource;
    private final Instance<EventHandler> handlers;
    private final String consumer;

    @Inject
    public DeadLetters(DataSource dataSource, Instance<EventHandler> handlers, InboxConsumer inbox) {
        this.dataSource = dataSource;
        this.handlers = handlers;
        this.consumer = inbox.consumerName();
    }

    /** The latest {@code limit} dead letters of this service, newest first; all statuses when none is given. */
    public List<DeadLetter> list(DeadLetterStatus status, int limit) {
        String sql = "select " + COLUMNS + " from dead_letter where consumer = ?"
                + (status == null ? "" : " and status = ?") + " order by failed_at desc, kafka_offset desc limit ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            int i = 1;
            select.setString(i++, consumer);
            if (status != null) {
                select.setString(i++, status.name());
            }
            select.setInt(i, limit);
            List<DeadLetter> found = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    found.add(summary(rs));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead letters", e);
        }
    }

    /** How many events wait for a re-drive. */
    public long countDeadLettered() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "select count(*) from dead_letter where consumer = ? and status = 'DEAD_LETTERED'")) {
            count.setString(1, consumer);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the dead letters", e);
        }
    }

    public DeadLetterDetail find(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select " + COLUMNS + ", payload from dead_letter where consumer = ? and id = ?")) {
            select.setString(1, consumer);
            select.setObject(2, id);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw notFound(id);
                }
                return new DeadLetterDetail(rs.getObject("id", UUID.class), rs.getString("topic"),
                        rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), rs.getString("message_key"),
                        rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("reason"),
                        rs.getString("exception"), instant(rs, "failed_at"), rs.getInt("attempts"),
                        DeadLetterStatus.valueOf(rs.getString("status")), instant(rs, "redriven_at"),
                        payload(rs.getBytes("payload")), payloadText(rs.getBytes("payload")));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read dead letter " + id, e);
        }
    }

    /**
     * Applies the dead-lettered event again. Applied: it is marked re-driven and returned. Already re-driven:
     * returned as it is, nothing applied. Still failing: the failure is recorded (attempts, reason) and
     * refused with {@link ProblemType#DEAD_LETTER_STILL_FAILING}; nothing else changes.
     */
    public DeadLetter redrive(UUID id) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> applyAgain(id));
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            if (InboxConsumer.isInfrastructureFailure(e)) {
                throw e; // the database, not the event: answered 503/500, nothing recorded against the event
            }
            String reason = storable(e.getMessage() == null ? e.getClass().getName() : e.getMessage());
            LOG.warnf(e, "%s: re-drive of dead letter %s failed again", consumer, id);
            QuarkusTransaction.requiringNew().run(() -> recordFailure(id, reason, e.getClass().getName()));
            throw new ProblemException(ProblemType.DEAD_LETTER_STILL_FAILING,
                    "El evento aún no se puede aplicar: " + firstLine(reason));
        }
    }

    /** Re-drives every dead-lettered event, oldest first (so events of one key keep their order). */
    public RedriveAllResult redriveAll() {
        List<UUID> waiting = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("""
                        select id from dead_letter where consumer = ? and status = 'DEAD_LETTERED'
                        order by failed_at, topic, kafka_partition, kafka_offset""")) {
            select.setString(1, consumer);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    waiting.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the dead letters", e);
        }
        List<RedriveAllResult.Outcome> outcomes = new ArrayList<>();
        int redriven = 0;
        for (UUID id : waiting) {
            try {
                outcomes.add(new RedriveAllResult.Outcome(id, redrive(id).status(), null));
                redriven++;
            } catch (ProblemException e) {
                if (e.type() != ProblemType.DEAD_LETTER_STILL_FAILING) {
                    throw e;
                }
                outcomes.add(new RedriveAllResult.Outcome(id, DeadLetterStatus.DEAD_LETTERED, e.getMessage()));
            }
        }
        return new RedriveAllResult(redriven, outcomes.size() - redriven, outcomes);
    }

    private DeadLetter applyAgain(UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DeadLetterDetail letter;
            // Locked: a second re-drive of the same letter waits, then finds it re-driven.
            try (PreparedStatement lock = connection.prepareStatement(
                    "select id from dead_letter where consumer = ? and id = ? for update")) {
                lock.setString(1, consumer);
                lock.setObject(2, id);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next()) {
                        throw notFound(id);
                    }
                }
            }
            letter = find(id);
            if (letter.status() == DeadLetterStatus.REDRIVEN) {
                return summary(letter);
            }
            EventEnvelope event = EventJson.read(readPayload(connection, id));
            if (markApplied(connection, letter, event)) {
                handlers.get().handle(event);
            } else {
                LOG.infof("%s: dead letter %s was applied since by another delivery; only marked", consumer, id);
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    update dead_letter set status = 'REDRIVEN', redriven_at = now(), attempts = attempts + 1
                    where id = ?""")) {
                update.setObject(1, id);
                update.executeUpdate();
            }
        }
        return summary(find(id));
    }

    /**
     * Turns the event's inbox row from DEAD_LETTERED to PROCESSED, or writes it when it is missing.
     *
     * @return false when the inbox already has it applied: the handler must not run again
     */
    private boolean markApplied(Connection connection, DeadLetterDetail letter, EventEnvelope event)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update inbox_event set status = 'PROCESSED', error = null, processed_at = now()
                where consumer = ? and event_id = ? and status = 'DEAD_LETTERED'""")) {
            update.setString(1, consumer);
            update.setObject(2, event.eventId());
            if (update.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into inbox_event (consumer, event_id, event_type, topic, kafka_partition, kafka_offset, status)
                values (?, ?, ?, ?, ?, ?, 'PROCESSED') on conflict do nothing""")) {
            insert.setString(1, consumer);
            insert.setObject(2, event.eventId());
            insert.setString(3, storable(event.type()));
            insert.setString(4, letter.topic());
            insert.setInt(5, letter.partition());
            insert.setLong(6, letter.offset());
            return insert.executeUpdate() == 1;
        }
    }

    private void recordFailure(UUID id, String reason, String exception) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("""
                        update dead_letter set attempts = attempts + 1, reason = ?, exception = ?
                        where consumer = ? and id = ? and status = 'DEAD_LETTERED'""")) {
            update.setString(1, reason);
            update.setString(2, exception);
            update.setString(3, consumer);
            update.setObject(4, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the failed re-drive of " + id, e);
        }
    }

    private byte[] readPayload(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select payload from dead_letter where id = ?")) {
            select.setObject(1, id);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    private static DeadLetter summary(ResultSet rs) throws SQLException {
        return new DeadLetter(rs.getObject("id", UUID.class), rs.getString("topic"), rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                firstLine(rs.getString("reason")), rs.getString("exception"), instant(rs, "failed_at"),
                rs.getInt("attempts"), DeadLetterStatus.valueOf(rs.getString("status")), instant(rs, "redriven_at"));
    }

    private static DeadLetter summary(DeadLetterDetail d) {
        return new DeadLetter(d.id(), d.topic(), d.partition(), d.offset(), d.eventId(), d.eventType(),
                firstLine(d.reason()), d.exception(), d.failedAt(), d.attempts(), d.status(), d.redrivenAt());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /** The record's value as a JSON object when it is one; null otherwise (then {@link #payloadText}). */
    private static JsonNode payload(byte[] value) {
        try {
            JsonNode tree = EventJson.mapper().readTree(value);
            return tree != null && tree.isObject() ? tree : null;
        } catch (IOException e) {
            return null; // not JSON
        }
    }

    private static String payloadText(byte[] value) {
        return payload(value) == null ? new String(value, StandardCharsets.UTF_8) : null;
    }

    /**
     * The first line of a failure, cut short: PostgreSQL's messages go on with the failing row's values
     * ("Failing row contains ..."), which are an organisation's data and stay out of the list.
     */
    static String firstLine(String reason) {
        if (reason == null) {
            return null;
        }
        int end = reason.indexOf('\n');
        String line = (end < 0 ? reason : reason.substring(0, end)).strip();
        return line.length() <= LISTED_REASON_LENGTH ? line : line.substring(0, LISTED_REASON_LENGTH) + "…";
    }

    /** PostgreSQL text cannot hold NUL, which an exception message may quote from a hostile event. */
    static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("Evento fallido", id);
    }
}

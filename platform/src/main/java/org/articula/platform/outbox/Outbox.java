package org.articula.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records events to publish. The insert joins the caller's transaction, so an event exists if and only
 * if the business change that caused it was committed; {@link OutboxRelay} sends it later.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, message_key, event_type, envelope)
            values (?, ?, ?, ?, ?)""";

    private final DataSource dataSource;
    private final String defaultTopic;

    @Inject
    public Outbox(DataSource dataSource, @ConfigProperty(name = "articula.events.topic") String defaultTopic) {
        this.dataSource = dataSource;
        this.defaultTopic = defaultTopic;
    }

    /** Queues an event for this service's topic, keyed by its aggregate id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(EventEnvelope event) {
        publishAll(List.of(event));
    }

    /** Queues many events in one batch insert, each keyed by its aggregate id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Collection<EventEnvelope> events) {
        publishAll(events, EventEnvelope::aggregateId);
    }

    /**
     * Queues many events in one batch insert (e.g. a batch of lots) with the Kafka key chosen by
     * {@code keyOf}: events with the same key keep their order (lots are keyed by producer).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(Collection<EventEnvelope> events, Function<EventEnvelope, String> keyOf) {
        if (events.isEmpty()) {
            return;
        }
        // Agroal hands out the connection already enlisted in the current transaction.
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (EventEnvelope event : events) {
                insert.setObject(1, event.eventId());
                insert.setString(2, defaultTopic);
                insert.setString(3, keyOf.apply(event));
                insert.setString(4, event.type());
                insert.setString(5, EventJson.write(event));
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write events to the outbox", e);
        }
    }
}

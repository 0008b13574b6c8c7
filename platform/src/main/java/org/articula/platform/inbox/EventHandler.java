package org.articula.platform.inbox;

import java.util.List;
import java.util.Set;
import org.articula.platform.events.EventEnvelope;

/**
 * A service's reaction to events from other services. Implement it as a CDI bean; the
 * {@link InboxConsumer} calls it inside a transaction that also records the event in the inbox, so
 * the effect is applied exactly once.
 */
public interface EventHandler {

    /**
     * Applies one event. Throwing rolls the effect back; an event that keeps failing goes to the
     * dead-letter topic with the exception's message as the reason.
     */
    void handle(EventEnvelope event);

    /**
     * Applies the new events of one poll, in the order they were consumed, in one transaction. An
     * implementation may apply them set-based (fewer statements for a burst), but must leave the same
     * result as {@link #handle} called on each in order. Throwing rolls them all back; the consumer then
     * hands them to {@link #handle} one by one.
     */
    default void handleAll(List<EventEnvelope> events) {
        events.forEach(this::handle);
    }

    /**
     * Event types whose effect is idempotent: applied twice, or an older one after a newer one, they leave what
     * applying each once in order leaves (e.g. an upsert that keeps the highest revision). The inbox keeps no
     * row for them, only the position it has applied per partition (docs/decisions/0033-fewer-writes-per-lot.md);
     * a dead-lettered one still gets its inbox row, and a read-model rebuild replays them like any other.
     */
    default Set<String> idempotentTypes() {
        return Set.of();
    }
}

package org.articula.platform.inbox;

import java.util.List;
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
}

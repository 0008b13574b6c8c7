package org.articula.platform.inbox;

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
}

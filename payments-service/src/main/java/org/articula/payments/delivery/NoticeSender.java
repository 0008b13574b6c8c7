package org.articula.payments.delivery;

/**
 * Sends one text message to a producer. Called by the dispatcher once per attempt, with the row of the notice
 * locked; it must not throw for a provider that is down (answer {@link SendResult#tryAgain}), though a throw is
 * treated alike.
 */
public interface NoticeSender {

    SendResult send(OutgoingMessage message);
}

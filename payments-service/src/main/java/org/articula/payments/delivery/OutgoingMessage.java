package org.articula.payments.delivery;

import java.util.UUID;

/** A notice as a sender sends it: its id (the same on every attempt), SMS or WHATSAPP, the number and the text. */
public record OutgoingMessage(UUID noticeId, String channel, String phone, String body) {
}

package org.articula.contracts.domain;

/** How a producer who opted in is sent notices: a plain text message or a WhatsApp message. */
public enum NoticeChannel {
    SMS,
    WHATSAPP
}

package org.articula.payments.domain;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A producer who is sent notices: one who opted in at contracts-service with a Peruvian mobile
 * {@code +519xxxxxxxx}. Anyone else is sent none.
 */
public record NoticeRecipient(UUID producerId, UUID organisationId, String phone, String channel) {

    private static final Pattern MOBILE = Pattern.compile("\\+519\\d{8}");

    /** The recipient, or none when the producer has not opted in or its number is not a Peruvian mobile. */
    public static Optional<NoticeRecipient> of(UUID producerId, UUID organisationId, boolean optedIn, String phone,
            String channel) {
        if (!optedIn || phone == null || !MOBILE.matcher(phone).matches()) {
            return Optional.empty();
        }
        return Optional.of(new NoticeRecipient(producerId, organisationId, phone,
                "WHATSAPP".equals(channel) ? "WHATSAPP" : "SMS"));
    }

    /** The number as a log may show it: {@code +51 9******21}, never the whole number. */
    public static String masked(String phone) {
        if (phone == null || phone.length() < 6) {
            return "***";
        }
        return phone.substring(0, 3) + " " + phone.charAt(3) + "*".repeat(phone.length() - 6)
                + phone.substring(phone.length() - 2);
    }
}

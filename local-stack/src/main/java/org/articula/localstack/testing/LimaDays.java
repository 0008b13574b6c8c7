package org.articula.localstack.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Business days in Peru for tests that record deliveries "today". */
public final class LimaDays {

    public static final ZoneId LIMA = ZoneId.of("America/Lima");

    private LimaDays() {
    }

    /**
     * A moment of {@code day} a few minutes past, never outside it: "now minus five minutes" alone falls on
     * the day before in the first minutes after Lima's midnight, and a test expecting {@code day} fails.
     */
    public static Instant earlierOn(LocalDate day) {
        Instant fiveMinutesAgo = Instant.now().minus(5, ChronoUnit.MINUTES);
        Instant start = day.atStartOfDay(LIMA).toInstant();
        Instant end = day.plusDays(1).atStartOfDay(LIMA).toInstant().minusSeconds(1);
        return fiveMinutesAgo.isBefore(start) ? start : fiveMinutesAgo.isAfter(end) ? end : fiveMinutesAgo;
    }
}

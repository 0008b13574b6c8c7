package org.articula.platform.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The clock every service reads time from. Business dates (delivery day, fortnight) are Peru's,
 * whatever zone the server runs in; tests replace the bean to fix "now". It ticks in microseconds,
 * PostgreSQL's timestamp precision, so an instant answered before and after storing is the same.
 */
public class BusinessClock {

    public static final ZoneId LIMA = ZoneId.of("America/Lima");

    @Produces
    @Singleton
    public Clock clock() {
        return Clock.tick(Clock.system(LIMA), Duration.ofNanos(1_000));
    }
}

package org.articula.payments.domain;

import java.time.LocalDate;

/**
 * A pay period: days 1-15 or 16 to the month's end, in America/Lima. Identified by its first day.
 */
public record Fortnight(LocalDate start, LocalDate end) {

    public static Fortnight containing(LocalDate day) {
        LocalDate start = day.getDayOfMonth() < 16 ? day.withDayOfMonth(1) : day.withDayOfMonth(16);
        return of(start);
    }

    /** The fortnight starting on {@code start}, which must be the 1st or the 16th. */
    public static Fortnight of(LocalDate start) {
        if (start.getDayOfMonth() == 1) {
            return new Fortnight(start, start.withDayOfMonth(15));
        }
        if (start.getDayOfMonth() == 16) {
            return new Fortnight(start, start.withDayOfMonth(start.lengthOfMonth()));
        }
        throw new IllegalArgumentException("a fortnight starts on the 1st or the 16th, not " + start);
    }

    public Fortnight next() {
        return Fortnight.of(end.plusDays(1));
    }

    /** The fortnight {@code k - 1} after this one: k = 1 is this one. */
    public Fortnight plus(int k) {
        Fortnight f = this;
        for (int i = 1; i < k; i++) {
            f = f.next();
        }
        return f;
    }
}

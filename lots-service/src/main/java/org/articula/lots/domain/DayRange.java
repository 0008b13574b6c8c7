package org.articula.lots.domain;

import java.time.LocalDate;

/** Business days from {@code from} to {@code to}, both inclusive. */
public record DayRange(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}

package org.articula.contracts.domain;

import java.time.LocalDate;

/** A span of business days, both ends inclusive. */
public record Period(LocalDate from, LocalDate to) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    public boolean overlaps(Period other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }
}

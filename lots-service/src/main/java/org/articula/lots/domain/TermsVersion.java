package org.articula.lots.domain;

import java.time.LocalDate;
import java.util.List;

/** One clause version of an agreement, reduced to what judging a lot needs: its quality parameters. */
public record TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality) {

    public boolean governs(LocalDate day) {
        return !day.isBefore(effectiveFrom) && !day.isAfter(effectiveTo);
    }
}

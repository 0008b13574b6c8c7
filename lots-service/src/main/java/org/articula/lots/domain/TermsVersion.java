package org.articula.lots.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * One clause version of an agreement, reduced to what judging a lot and contesting its rejection need:
 * the quality parameters, the hours a rejection may be contested and what an untested dispute comes to.
 * Versions stored (or published) before the dispute terms existed have them null: the defaults apply.
 */
public record TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality,
        Integer contestWindowHours, Boolean untestedDisputeFavoursProducer) {

    public static final int DEFAULT_CONTEST_WINDOW_HOURS = 48;

    public TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality) {
        this(number, effectiveFrom, effectiveTo, quality, null, null);
    }

    public boolean governs(LocalDate day) {
        return !day.isBefore(effectiveFrom) && !day.isAfter(effectiveTo);
    }

    /** How long after a lot's recording its rejection may be contested. */
    public Duration contestWindow() {
        return Duration.ofHours(contestWindowHours == null ? DEFAULT_CONTEST_WINDOW_HOURS : contestWindowHours);
    }

    /** Whether a dispute nobody re-tested by its deadline is decided for the producer. */
    public boolean untestedFavoursProducer() {
        return untestedDisputeFavoursProducer == null || untestedDisputeFavoursProducer;
    }
}

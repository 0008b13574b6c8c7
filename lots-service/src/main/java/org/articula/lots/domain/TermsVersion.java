package org.articula.lots.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One clause version of an agreement, reduced to what judging a lot and contesting its rejection need:
 * the quality parameters, the hours a rejection may be contested and what an untested dispute comes to, and the
 * certification its lots must have. Versions stored (or published) before the dispute terms existed have them
 * null: the defaults apply; before the certification clause, it is null: none required.
 */
public record TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality,
        Integer contestWindowHours, Boolean untestedDisputeFavoursProducer, RequiredCertification certification) {

    public static final int DEFAULT_CONTEST_WINDOW_HOURS = 48;

    public TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality) {
        this(number, effectiveFrom, effectiveTo, quality, null, null, null);
    }

    public TermsVersion(int number, LocalDate effectiveFrom, LocalDate effectiveTo, List<QualityParameter> quality,
            Integer contestWindowHours, Boolean untestedDisputeFavoursProducer) {
        this(number, effectiveFrom, effectiveTo, quality, contestWindowHours, untestedDisputeFavoursProducer, null);
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

    /** The certification this version requires of every lot delivered under it, if any. */
    public Optional<RequiredCertification> requiredCertification() {
        return Optional.ofNullable(certification).filter(c -> c.required() != null);
    }
}

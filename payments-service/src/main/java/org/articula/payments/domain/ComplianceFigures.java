package org.articula.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One agreement's figures in one fortnight (docs/decisions/0027-compliance-monitor.md): for a group agreement
 * the network's totals against the network's commitment.
 *
 * @param committed the commitment of the terms of the fortnight (a per-day one times the days in force, as in
 *                  R7); null when the terms commit to no quantity
 * @param threshold committed x (1 - tolerance): below it the fortnight is under commitment; null with committed
 * @param delivered quantity of the lots delivered (accepted or rejected; voided ones left out)
 * @param accepted  quantity of the accepted ones
 * @param dueDate   when the buyer's remittance for the fortnight is due: its last day plus the payment term of
 *                  the terms of the fortnight (R8's rule for producers); null when no terms are known
 * @param paidOn    when the buyer's last remittance for the fortnight was received; null when none
 */
public record ComplianceFigures(Fortnight fortnight, BigDecimal committed, BigDecimal threshold, BigDecimal delivered,
        BigDecimal accepted, LocalDate dueDate, LocalDate paidOn) {

    /** Where the buyer's payment of a fortnight stands. */
    public enum Payment {
        /** Nothing accepted, so nothing owed. */
        NOTHING_DUE,
        /** Not paid and not yet due. */
        PENDING,
        ON_TIME,
        LATE,
        /** Not paid, and its due date has passed. */
        UNPAID
    }

    /** A fortnight the agreement was not in force: nothing delivered, nothing committed, nothing due. */
    public static ComplianceFigures blank(Fortnight fortnight) {
        return new ComplianceFigures(fortnight, null, null, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
    }

    /** The fortnight {@code k} fortnights before {@code fortnight}. */
    public static Fortnight before(Fortnight fortnight, int k) {
        Fortnight f = fortnight;
        for (int i = 0; i < k; i++) {
            f = Fortnight.containing(f.start().minusDays(1));
        }
        return f;
    }

    /**
     * Every fortnight from {@code first} to {@code last}, oldest first, with its figures, or a blank one when
     * there are none: the consecutive history the rules and the trend read.
     */
    public static List<ComplianceFigures> history(List<ComplianceFigures> known, Fortnight first, Fortnight last) {
        Map<LocalDate, ComplianceFigures> byStart = known.stream()
                .collect(Collectors.toMap(f -> f.fortnight().start(), Function.identity(), (a, b) -> a));
        List<ComplianceFigures> history = new ArrayList<>();
        for (Fortnight f = first; !f.start().isAfter(last.start()); f = f.next()) {
            history.add(byStart.getOrDefault(f.start(), blank(f)));
        }
        return history;
    }

    /** The threshold as shown: exact, with at least 3 decimals (as R11 shows the shortfall threshold). */
    public BigDecimal thresholdShown() {
        if (threshold == null) {
            return null;
        }
        BigDecimal exact = threshold.stripTrailingZeros();
        return exact.setScale(Math.max(3, exact.scale()));
    }

    /** accepted / delivered in percent, 2 decimals half up; null without deliveries. */
    public BigDecimal acceptancePercent() {
        return delivered.signum() == 0
                ? null
                : accepted.multiply(BigDecimal.valueOf(100)).divide(delivered, 2, RoundingMode.HALF_UP);
    }

    /** Acceptance at least {@code percent}, compared exactly (accepted x 100 >= percent x delivered). */
    public boolean acceptanceAtLeast(BigDecimal percent) {
        return delivered.signum() > 0
                && accepted.multiply(BigDecimal.valueOf(100)).compareTo(percent.multiply(delivered)) >= 0;
    }

    /** Accepted quantity below the commitment's threshold; never without a commitment. */
    public boolean underCommitment() {
        return threshold != null && accepted.compareTo(threshold) < 0;
    }

    public Payment payment(LocalDate today) {
        if (accepted.signum() == 0 || dueDate == null) {
            return Payment.NOTHING_DUE;
        }
        if (paidOn == null) {
            return today.isAfter(dueDate) ? Payment.UNPAID : Payment.PENDING;
        }
        return paidOn.isAfter(dueDate) ? Payment.LATE : Payment.ON_TIME;
    }

    /** Days the remittance came after the due date, 0 when on time; null when none came or none is owed. */
    public Integer daysLate() {
        if (paidOn == null || dueDate == null || accepted.signum() == 0) {
            return null;
        }
        return (int) Math.max(0, ChronoUnit.DAYS.between(dueDate, paidOn));
    }
}

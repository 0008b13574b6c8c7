package org.articula.payments.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How punctually a buyer paid a set of fortnights: each fortnight with something accepted is due on its due
 * date ({@link ComplianceFigures#dueDate}); paid when its last remittance arrived, late by the days after the
 * due date; unpaid when none arrived and the due date has passed (today, in America/Lima).
 *
 * @param due           fortnights whose due date has passed or that were paid
 * @param totalDaysLate the days late summed over the fortnights paid late
 */
public record Punctuality(int due, int onTime, int late, int unpaid, int totalDaysLate, int maxDaysLate) {

    public static Punctuality of(List<ComplianceFigures> fortnights, LocalDate today) {
        int onTime = 0;
        int late = 0;
        int unpaid = 0;
        for (ComplianceFigures f : fortnights) {
            switch (f.payment(today)) {
                case ON_TIME -> onTime++;
                case LATE -> late++;
                case UNPAID -> unpaid++;
                default -> {
                } // nothing owed, or not due yet
            }
        }
        List<Integer> daysLate = fortnights.stream().map(ComplianceFigures::daysLate).filter(Objects::nonNull).toList();
        return new Punctuality(onTime + late + unpaid, onTime, late, unpaid,
                daysLate.stream().mapToInt(Integer::intValue).sum(),
                daysLate.stream().mapToInt(Integer::intValue).max().orElse(0));
    }
}

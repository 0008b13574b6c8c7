package org.articula.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * Where an agreement's acceptance is heading over the last six fortnights: the mean acceptance of the later
 * half against the earlier half's (fortnights without deliveries left out); a change of at least one point
 * is UP or DOWN, less is STABLE; fewer than two fortnights with deliveries say nothing (UNKNOWN).
 */
public final class ComplianceTrend {

    /** How many fortnights the trend looks at. */
    public static final int FORTNIGHTS = 6;
    private static final BigDecimal ONE_POINT = BigDecimal.ONE;

    private ComplianceTrend() {
    }

    /** The direction: UP, DOWN, STABLE or UNKNOWN, from the acceptance percentages, oldest first. */
    public static String direction(List<BigDecimal> acceptance) {
        List<BigDecimal> known = acceptance.stream().filter(Objects::nonNull).toList();
        if (known.size() < 2) {
            return "UNKNOWN";
        }
        int half = known.size() / 2;
        BigDecimal change = mean(known.subList(known.size() - half, known.size()))
                .subtract(mean(known.subList(0, half)));
        if (change.compareTo(ONE_POINT) >= 0) {
            return "UP";
        }
        return change.compareTo(ONE_POINT.negate()) <= 0 ? "DOWN" : "STABLE";
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
    }
}

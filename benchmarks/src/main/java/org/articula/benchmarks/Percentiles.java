package org.articula.benchmarks;

import java.util.Arrays;

/** Nearest-rank percentiles of durations in nanoseconds, reported in milliseconds. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** The smallest value with at least {@code p} percent of the values at or below it (p in (0, 100]). */
    double millis(double p) {
        if (sorted.length == 0) {
            throw new IllegalStateException("no values");
        }
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p);
        }
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(rank, 1) - 1] / 1_000_000.0;
    }

    double maxMillis() {
        return millis(100);
    }
}

package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long MS = 1_000_000;

    @Test
    void nearestRankOfAHundredValuesIsTheValueAtThatRank() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[99 - i] = (i + 1) * MS; // unsorted on purpose
        }
        Percentiles p = new Percentiles(values);
        assertEquals(50.0, p.millis(50));
        assertEquals(95.0, p.millis(95));
        assertEquals(99.0, p.millis(99));
        assertEquals(100.0, p.maxMillis());
    }

    @Test
    void oneStallAmongFewValuesIsTheP99() {
        Percentiles p = new Percentiles(new long[] { 2 * MS, 3 * MS, 2 * MS, 900 * MS });
        assertEquals(2.0, p.millis(50));
        assertEquals(900.0, p.millis(99));
    }

    @Test
    void noValuesOrAPercentileOutOfRangeIsAnError() {
        assertThrows(IllegalStateException.class, () -> new Percentiles(new long[0]).millis(50));
        assertThrows(IllegalArgumentException.class, () -> new Percentiles(new long[] { MS }).millis(0));
    }
}

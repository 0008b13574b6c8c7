package org.articula.localstack;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The sample data's shapes and distributions, for tools that generate more of the same at scale (the
 * benchmarks): the Laredo networks' milk clauses and a member's milk delivery (two shifts a day, 8-25 L,
 * total solids around the member's own level, a few warm or antibiotic-positive lots rejected).
 */
public final class SampleDistributions {

    private SampleDistributions() {
    }

    /** The clauses of a Laredo network's milk agreement, as the contracts API takes them. */
    public static Map<String, Object> milkClauses() {
        return SampleData.milkClauses();
    }

    /** A lot request body for lots-service; its id and figures derive from producer, day and shift. */
    public static Map<String, Object> milkLot(UUID producer, UUID centre, UUID operator, LocalDate day, String shift) {
        return SampleLots.lot(producer, centre, operator, day, shift);
    }

    /** [first day, last day] of the latest fortnight that ended before {@code today}. */
    public static LocalDate[] lastCompleteFortnight(LocalDate today) {
        return SampleLots.lastCompleteFortnight(today);
    }
}

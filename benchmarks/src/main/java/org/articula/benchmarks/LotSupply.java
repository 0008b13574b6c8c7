package org.articula.benchmarks;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.articula.localstack.SampleDistributions;

/**
 * Lots for the phases that need more than one fortnight: each phase takes the next lots from earlier
 * and earlier fortnights (two shifts a day, every producer), so no two phases send the same
 * producer, day and shift, and a million stored lots stay within the agreements' validity.
 */
final class LotSupply {

    private final Population population;
    private final Deque<Map<String, Object>> ready = new ArrayDeque<>();
    private LocalDate[] fortnight;

    /** Lots from the fortnight before {@code before}'s and earlier. */
    LotSupply(Population population, LocalDate[] before) {
        this.population = population;
        this.fortnight = before;
    }

    /** The next {@code n} lots, serialised by the caller outside any measured time. */
    synchronized List<Map<String, Object>> take(int n) {
        List<Map<String, Object>> lots = new ArrayList<>(n);
        while (lots.size() < n) {
            lots.add(next());
        }
        return lots;
    }

    /** One more lot (closed-loop clients take them one at a time). */
    synchronized Map<String, Object> next() {
        if (ready.isEmpty()) {
            fortnight = SampleDistributions.lastCompleteFortnight(fortnight[0]);
            if (fortnight[0].isBefore(Population.START)) {
                throw new IllegalStateException("no fortnight left before " + Population.START
                        + " for the lots asked (the agreements start then)");
            }
            ready.addAll(population.milkLots(fortnight, Integer.MAX_VALUE));
        }
        return ready.poll();
    }
}

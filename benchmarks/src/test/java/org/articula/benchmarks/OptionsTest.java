package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void theFullRunMeasuresTheClosedLoopAgainWithAMillionLotsStoredAndSettles200000Producers() {
        Options full = Options.parse(new String[0], ROOT);
        assertEquals(1_000_000, full.stored());
        assertEquals(4, full.clients());
        assertEquals(60, full.closedLoopSeconds());
        assertEquals(List.of(1_000, 10_000, 50_000, 200_000), full.settlementProducers());
        assertTrue(full.restarts());
    }

    @Test
    void theQuickRunMeasuresTheClosedLoopOnceAndBriefly() {
        Options quick = Options.parse(new String[] { "--quick" }, ROOT);
        assertEquals(0, quick.stored());
        assertEquals(10, quick.closedLoopSeconds());
        assertEquals(5, quick.closedLoopWarmUpSeconds());
        assertEquals(10, quick.overloadSeconds());
        assertEquals(List.of(1_000, 10_000), quick.settlementProducers());
        assertFalse(quick.restarts());
        assertTrue(Options.parse(new String[] { "--quick", "--restarts" }, ROOT).restarts());
    }

    @Test
    void eachNewPhaseCanBeSizedOrLeftOut() {
        Options o = Options.parse(new String[] { "--quick", "--clients", "8", "--closed-loop-seconds", "5", "--stored",
                "200_000", "--overload-seconds", "3", "--overload-rate", "1300", "--no-restarts" }, ROOT);
        assertEquals(8, o.clients());
        assertEquals(5, o.closedLoopSeconds());
        assertEquals(2, o.closedLoopWarmUpSeconds());
        assertEquals(200_000, o.stored());
        assertEquals(3, o.overloadSeconds());
        assertEquals(1_300, o.overloadRate());
        assertFalse(o.restarts());
        assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] { "--clients", "0" }, ROOT));
    }
}

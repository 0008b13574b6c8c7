package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EveryRowBaselineTest {

    @Test
    void theRowsPerLotAreWhatEachTableTookWhileTheLotsWereStored() {
        Map<String, Long> before = Map.of("lots.lot", 1_000L, "lots.audit_entry", 4_000L, "lots.centre", 3L);
        Map<String, Long> after = Map.of("lots.lot", 3_000L, "lots.audit_entry", 6_000L, "lots.centre", 3L,
                "payments.lot_ref", 2_000L, "payments.inbox_event", 4_000L, "lots.bench_lot", 2_000L);
        EveryRowBaseline.Writes writes = EveryRowBaseline.writes(before, after, 2_000);
        // Untouched tables and the baseline's own bench_ tables are not the system's writes.
        assertEquals(Map.of("lots.lot", 1.0, "lots.audit_entry", 1.0, "payments.lot_ref", 1.0,
                "payments.inbox_event", 2.0), writes.rowsPerLot());
    }

    @Test
    void tablesWithLessThanHalfARowPerLotAreLeftOutAndUnknownOnesAreNamed() {
        EveryRowBaseline.Writes writes = new EveryRowBaseline.Writes(Map.of("lots.lot", 1.0, "lots.lot_revision", 1.0,
                "lots.dispute", 0.2, "payments.notice", 1.0));
        assertEquals(List.of("lots.lot", "lots.lot_revision"), EveryRowBaseline.copied(writes).stream().sorted()
                .toList());
        assertEquals(List.of("payments.notice"), EveryRowBaseline.notCopied(writes));
    }
}

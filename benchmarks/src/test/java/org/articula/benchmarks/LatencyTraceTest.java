package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyTraceTest {

    @Test
    void theTraceGivesEachMeasuredLotItsWallClockDueTimeWaitAndFailure(@TempDir Path dir) throws Exception {
        long now = System.nanoTime();
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        long[] due = { now - 90 * ms, now - 20 * ms, now - 15 * ms, now - 10 * ms };
        long[] latency = { 3 * ms, 4_500_000L, 37 * ms, 2 * ms };
        boolean[] failed = { false, false, false, true };
        Path file = dir.resolve("latency.csv");
        Instant before = Instant.now();
        long[] answered = new long[due.length];
        for (int i = 0; i < due.length; i++) {
            answered[i] = due[i] + latency[i];
        }

        Latency.trace(file, answered, latency, failed, 1);

        List<String> lines = Files.readAllLines(file);
        assertEquals(List.of("due", "wait_ms", "failed"), List.of(lines.get(0).split(",")));
        assertEquals(4, lines.size(), "the warm-up lot is left out: " + lines);
        String[] second = lines.get(1).split(",");
        assertEquals("4.50", second[1]);
        assertEquals("false", second[2]);
        assertEquals("37.00", lines.get(2).split(",")[1]);
        assertEquals("true", lines.get(3).split(",")[2]);
        // due 20 ms before the call, as wall-clock time
        Duration beforeCall = Duration.between(Instant.parse(second[0]), before);
        assertTrue(beforeCall.compareTo(Duration.ofMillis(10)) > 0 && beforeCall.compareTo(Duration.ofMillis(500)) < 0,
                "due " + second[0] + " against " + before);
        assertTrue(Instant.parse(second[0]).isBefore(Instant.parse(lines.get(3).split(",")[0])));
    }
}

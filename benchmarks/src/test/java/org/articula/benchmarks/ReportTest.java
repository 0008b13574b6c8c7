package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.articula.benchmarks.Report.Better;
import org.articula.benchmarks.Report.Figure;
import org.junit.jupiter.api.Test;

class ReportTest {

    private final Report report = new Report("quick", "2026-11-22T16:00:00Z",
            new Report.Machine(2, 24_105, "AMD EPYC", "17.0.15", "0.50 0.40 0.30", "1.50 1.00 0.50", "abc1234",
                    "none"),
            List.of(new Figure("batch ingestion", "20,000 lots", 6_000, "lots/s", Better.HIGHER, 12_000.0,
                    "plain JDBC batch insert", 5_000.0, null),
                    new Figure("single-lot latency p99", "200 lots/s", 72.5, "ms", Better.LOWER, null, null, 50.0,
                            "3 requests failed")),
            Map.of());

    @Test
    void jsonCarriesEachFigureWithItsBaselineRatioAndTarget() throws Exception {
        JsonNode json = new ObjectMapper().readTree(report.json());
        assertEquals(2, json.path("machine").path("cores").asInt());
        assertEquals("none", json.path("machine").path("memoryMonitor").asText());
        JsonNode ingestion = json.path("figures").get(0);
        assertEquals(12_000.0, ingestion.path("baseline").asDouble());
        assertEquals(0.5, ingestion.path("ratio").asDouble());
        assertTrue(ingestion.path("targetMet").asBoolean());
        JsonNode latency = json.path("figures").get(1);
        assertTrue(latency.path("ratio").isNull());
        assertEquals(false, latency.path("targetMet").asBoolean());
    }

    @Test
    void markdownIsOneTableRowPerFigureWithMachineAndNotes() {
        String md = report.markdown();
        assertTrue(md.contains("Machine: 2 cores, 24105 MB memory"), md);
        assertTrue(md.contains("Kernel memory monitor (DAMON): none."), md);
        assertTrue(
                md.contains("| batch ingestion | 20,000 lots | 6,000 lots/s | 12,000 lots/s (plain JDBC batch insert)"
                        + " | 0.50 | ≥ 5,000 | yes |"),
                md);
        assertTrue(md.contains("| single-lot latency p99 | 200 lots/s | 72.5 ms |  |  | ≤ 50.0 | **no** |"), md);
        assertTrue(md.contains("- single-lot latency p99 (200 lots/s): 3 requests failed"), md);
    }

    @Test
    void progressBarFillsInProportion() {
        assertEquals("[#####.....]", Progress.bar(0.5, 10));
        assertEquals("[..........]", Progress.bar(-1, 10));
        assertEquals("[##########]", Progress.bar(2, 10));
    }
}

package org.articula.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestionTest {

    @Test
    void theCountsAreReadFromTheHeadOfABatchAnswerWithoutItsReceipts() throws Exception {
        String answer = """
                {"total":3,"created":2,"unchanged":0,"refused":1,"results":[{"index":0,"outcome":"CREATED",
                "receipt":{"quantity":12.5}},{"index":1,"outcome":"REFUSED","problem":{"status":422}}]}""";
        assertEquals(Map.of("total", 3, "created", 2, "unchanged", 0, "refused", 1), Ingestion.counts(answer));
    }

    @Test
    void anAnswerThatDoesNotOpenWithItsCountsGivesNone() throws Exception {
        assertEquals(Map.of(), Ingestion.counts("[]"));
        assertEquals(Map.of(), Ingestion.counts("{\"results\":[],\"total\":3}"));
    }
}

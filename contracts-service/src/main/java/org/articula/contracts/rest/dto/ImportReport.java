package org.articula.contracts.rest.dto;

import java.util.List;
import java.util.UUID;

/** Outcome of a CSV import in which every row was valid: what was created and what was already there. */
public record ImportReport(int rows, int created, int unchanged, List<Row> results) {

    public enum Outcome {
        CREATED,
        UNCHANGED
    }

    /** @param line the line of the CSV file (the header is line 1) */
    public record Row(int line, String nationalId, UUID producerId, Outcome outcome) {
    }
}

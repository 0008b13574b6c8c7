package org.articula.lots.rest.dto;

import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem;

/** Per lot, in request order: CREATED or UNCHANGED with its receipt, or REFUSED with the problem. */
public record BatchResult(int total, int created, int unchanged, int refused, List<Item> results) {

    public enum Outcome {
        CREATED,
        UNCHANGED,
        REFUSED
    }

    public record Item(int index, UUID id, Outcome outcome, LotReceipt receipt, Problem problem) {
    }
}

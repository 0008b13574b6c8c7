package org.articula.payments.rest.dto;

import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem;

/**
 * Per payout, in request order: RECORDED or UNCHANGED (the same payout again) with the producer's totals as they
 * are now, or REFUSED with the problem. The counts let a screen say what happened without reading the list.
 */
public record PayoutBatchResult(UUID settlementId, int total, int recorded, int unchanged, int refused,
        List<PayoutResult> results) {

    public enum PayoutOutcome {
        RECORDED,
        UNCHANGED,
        REFUSED
    }

    public record PayoutResult(int index, UUID producerId, PayoutOutcome outcome,
            SettlementView.ProducerTotals producer,
            Problem problem) {
    }
}

package org.articula.lots.rest.dto;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Dispute;
import org.articula.lots.domain.DisputeStatus;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.RejectionReason;
import org.articula.lots.domain.Verdict;

/**
 * A dispute of a rejected lot as it stands.
 *
 * @param lotRevision             the lot's rejected revision that was contested
 * @param deadline                when, untested, the clause's rule decides it
 * @param untestedFavoursProducer what that rule decides: true, overturned (the lot accepted as delivered)
 * @param decision                RETEST or DEADLINE once decided, else null
 * @param retest                  the counter-sample's re-test, null until re-tested
 * @param version                 changes with every change
 */
public record DisputeView(UUID id, UUID organisationId, UUID lotId, int lotRevision, UUID centreId, UUID producerId,
        String reason, String openedBy, Instant openedAt, Instant deadline, boolean untestedFavoursProducer,
        DisputeStatus status, Dispute.Decision decision, String decidedBy, Instant decidedAt, RetestView retest,
        long version) {

    /** The re-test and its verdict under the clause version that judged the lot. */
    public record RetestView(String testedBy, Instant testedAt, List<Reading> readings, Verdict verdict,
            List<RejectionReason> reasons) {
    }
}

package org.articula.lots.mapping;

import org.articula.lots.domain.Dispute;
import org.articula.lots.domain.Retest;
import org.articula.lots.rest.dto.DisputeView;
import org.articula.lots.rest.dto.RetestRequest;

/** Disputes to their API view, re-test requests to the domain's value. */
public final class DisputeMapper {

    private DisputeMapper() {
    }

    public static DisputeView view(Dispute d) {
        DisputeView.RetestView retest = d.testedBy == null
                ? null
                : new DisputeView.RetestView(d.testedBy, d.testedAt, d.retestReadings, d.retestVerdict,
                        d.retestReasons);
        return new DisputeView(d.id, d.organisationId, d.lotId, d.lotRevision, d.centreId, d.producerId, d.reason,
                d.openedBy, d.openedAt, d.deadline, d.untestedFavoursProducer, d.status, d.decision, d.decidedBy,
                d.decidedAt, retest, d.version);
    }

    public static Retest retest(RetestRequest r) {
        return new Retest(r.testedBy(), r.testedAt(), r.readings());
    }
}

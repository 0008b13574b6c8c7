package org.articula.lots.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * The lot events, one per revision: LotRecorded, LotCorrected, LotVoided. Each carries the lot as it
 * now stands, as it stood before the change (null when recorded), and why and by whom it changed.
 */
public final class LotEvents {

    private LotEvents() {
    }

    public static EventEnvelope recorded(Lot lot, LotRevision revision) {
        return of(lot, revision, null, null);
    }

    /** A correction or void: {@code before} is the lot's receipt taken before the change. */
    public static EventEnvelope changed(Lot lot, LotRevision revision, LotReceipt before) {
        return of(lot, revision, before, null);
    }

    /** The correction a dispute's decision makes (the rejection overturned), naming that dispute. */
    public static EventEnvelope overturned(Lot lot, LotRevision revision, LotReceipt before, UUID disputeId) {
        return of(lot, revision, before, disputeId);
    }

    /** A producer's lots are published in order: they are keyed by the producer. */
    public static String key(Lot lot) {
        return lot.producerId.toString();
    }

    private static EventEnvelope of(Lot lot, LotRevision revision, LotReceipt before, UUID disputeId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("lot", LotMapper.receipt(lot));
        payload.put("previous", before);
        payload.put("reason", revision.reason);
        if (disputeId != null) {
            payload.put("disputeId", disputeId);
        }
        payload.put("by", revision.changedBy);
        return EventEnvelope.create(type(revision.kind), 1, "Lot", lot.id.toString(), lot.organisationId,
                revision.changedAt, EventJson.forWriting(payload));
    }

    private static String type(LotRevision.Kind kind) {
        return switch (kind) {
            case RECORDED -> "LotRecorded";
            case CORRECTED -> "LotCorrected";
            case VOIDED -> "LotVoided";
        };
    }
}

package org.articula.lots.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.lots.domain.Dispute;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * DisputeOpened and DisputeDecided, each carrying the dispute as it now stands. Keyed by the producer, as
 * the lot events are, so a dispute's decision and the lot revision it caused arrive in order.
 */
public final class DisputeEvents {

    private DisputeEvents() {
    }

    public static EventEnvelope opened(Dispute d) {
        return of("DisputeOpened", d, d.openedAt);
    }

    public static EventEnvelope decided(Dispute d) {
        return of("DisputeDecided", d, d.decidedAt);
    }

    public static String key(Dispute d) {
        return d.producerId.toString();
    }

    private static EventEnvelope of(String type, Dispute d, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("dispute", DisputeMapper.view(d));
        return EventEnvelope.create(type, 1, "Dispute", d.id.toString(), d.organisationId, at,
                EventJson.forWriting(payload));
    }
}

package org.articula.contracts.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.contracts.domain.AssistanceDelivery;
import org.articula.contracts.rest.dto.AssistanceDeliveryRequest;
import org.articula.contracts.rest.dto.AssistanceDeliveryView;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** Technical assistance deliveries to and from their views, and their AssistanceDelivered event. */
public final class AssistanceMapper {

    private AssistanceMapper() {
    }

    public static AssistanceDelivery.Facts facts(AssistanceDeliveryRequest r) {
        return new AssistanceDelivery.Facts(r.id(), r.kind(), r.deliveredOn(), r.deliveredBy(), r.description(),
                r.cost(), r.producerIds());
    }

    public static AssistanceDeliveryView view(AssistanceDelivery d) {
        return new AssistanceDeliveryView(d.id, d.agreementId, d.organisationId, d.buyerId, d.kind, d.deliveredOn,
                d.deliveredBy, d.description, d.cost, d.charged, d.clauseVersion, d.maxInstalments, d.wholeNetwork,
                d.producers, d.recordedBy, d.recordedAt);
    }

    /** What the audit trail keeps of a recorded delivery: enough to find it again, not the whole record. */
    public static Map<String, Object> auditDetail(AssistanceDelivery d) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("agreementId", d.agreementId);
        detail.put("kind", d.kind);
        detail.put("deliveredOn", d.deliveredOn);
        detail.put("cost", d.cost);
        detail.put("charged", d.charged);
        detail.put("producers", d.producers.size());
        return detail;
    }

    /** AssistanceDelivered, keyed by the delivery id: payments-service turns a charged one into charges. */
    public static EventEnvelope delivered(AssistanceDelivery d, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("delivery", view(d));
        return EventEnvelope.create("AssistanceDelivered", 1, "AssistanceDelivery", d.id.toString(), d.organisationId,
                at, EventJson.toTree(payload));
    }
}

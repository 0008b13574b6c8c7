package org.articula.contracts.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.contracts.domain.Agreement;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** The events an agreement publishes (AgreementActivated, AgreementAmended, ...; schemas in api-specs/events). */
public final class AgreementEvents {

    private AgreementEvents() {
    }

    /**
     * Every agreement event carries the whole agreement as it now stands (so a consumer that missed or reordered
     * events can rebuild it from the latest) and what this event changed.
     */
    public static EventEnvelope of(String type, Agreement a, Map<String, Object> change, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreement", ContractsMapper.view(a));
        payload.put("change", change);
        return EventEnvelope.create(type, 1, "Agreement", a.id.toString(), a.organisationId, at,
                EventJson.toTree(payload));
    }
}

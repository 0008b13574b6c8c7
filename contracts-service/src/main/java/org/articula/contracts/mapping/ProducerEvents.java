package org.articula.contracts.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.articula.contracts.domain.Producer;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** The events a producer's register entry publishes (schemas in api-specs/events/contracts-service). */
public final class ProducerEvents {

    private ProducerEvents() {
    }

    public static EventEnvelope registered(Producer p, Instant at) {
        return envelope("ProducerRegistered", p, at);
    }

    public static EventEnvelope updated(Producer p, Instant at) {
        return envelope("ProducerUpdated", p, at);
    }

    /** Payload of ProducerRegistered / ProducerUpdated: everything another service keeps about a producer. */
    public static Map<String, Object> payload(Producer p) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("producerId", p.id);
        payload.put("organisationId", p.organisationId);
        payload.put("groupId", p.groupId);
        payload.put("nationalIdType", p.nationalId.type().name());
        payload.put("nationalId", p.nationalId.number());
        payload.put("name", p.name);
        payload.put("district", p.district);
        payload.put("region", p.region);
        payload.put("phone", p.phone);
        payload.put("noticesOptIn", p.noticesOptIn);
        payload.put("noticeChannel", p.noticeChannel == null ? null : p.noticeChannel.name());
        payload.put("version", p.version);
        return payload;
    }

    private static EventEnvelope envelope(String type, Producer p, Instant at) {
        return EventEnvelope.create(type, 1, "Producer", p.id.toString(), p.organisationId, at,
                EventJson.toTree(payload(p)));
    }
}

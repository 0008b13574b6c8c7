package org.articula.lots.mapping;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articula.lots.domain.Shipment;
import org.articula.lots.domain.ShipmentLot;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * ShipmentDispatched and ShipmentResultRecorded, each carrying the shipment as it now stands and its lots (id,
 * revision pooled, producer, quantity), so a consumer traces a result to each producer without asking back.
 * Keyed by the shipment: its two events arrive in order.
 */
public final class ShipmentEvents {

    private ShipmentEvents() {
    }

    public static EventEnvelope dispatched(Shipment s, List<ShipmentLot> lots) {
        return of("ShipmentDispatched", s, lots, s.createdAt);
    }

    public static EventEnvelope resultRecorded(Shipment s, List<ShipmentLot> lots) {
        return of("ShipmentResultRecorded", s, lots, s.resultRecordedAt);
    }

    public static String key(Shipment s) {
        return s.id.toString();
    }

    private static EventEnvelope of(String type, Shipment s, List<ShipmentLot> lots, Instant at) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("shipment", ShipmentMapper.view(s));
        payload.put("lots", lots.stream().map(l -> {
            Map<String, Object> lot = new LinkedHashMap<>();
            lot.put("lotId", l.lotId);
            lot.put("revision", l.lotRevision);
            lot.put("producerId", l.producerId);
            lot.put("quantity", l.quantity);
            return lot;
        }).toList());
        return EventEnvelope.create(type, 1, "Shipment", s.id.toString(), s.organisationId, at,
                EventJson.forWriting(payload));
    }
}

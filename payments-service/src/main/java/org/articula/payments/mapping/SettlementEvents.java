package org.articula.payments.mapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Settlement;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** Settlement events (api-specs/events/payments-service), keyed by the settlement id. */
public final class SettlementEvents {

    /** Producers per SettlementClosed event, so a large organisation stays well under Kafka's 1 MB. */
    public static final int PRODUCERS_PER_PART = 1000;

    private SettlementEvents() {
    }

    /** The closed settlement's totals per producer, in parts of at most {@link #PRODUCERS_PER_PART}. */
    public static List<EventEnvelope> closed(Settlement s, List<ProducerSettlement> producers, Clock clock) {
        int parts = Math.max(1, (producers.size() + PRODUCERS_PER_PART - 1) / PRODUCERS_PER_PART);
        List<EventEnvelope> events = new ArrayList<>(parts);
        for (int part = 1; part <= parts; part++) {
            List<Map<String, Object>> slice = new ArrayList<>();
            for (ProducerSettlement p : producers.subList((part - 1) * PRODUCERS_PER_PART,
                    Math.min(producers.size(), part * PRODUCERS_PER_PART))) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("producerId", p.producerId);
                row.put("gross", p.gross);
                row.put("deductions", p.deductions);
                row.put("net", p.net);
                row.put("dueDate", p.dueDate);
                slice.add(row);
            }
            Map<String, Object> payload = header(s);
            payload.put("closedAt", s.closedAt);
            payload.put("closedBy", s.closedBy);
            payload.put("part", part);
            payload.put("parts", parts);
            payload.put("producerCount", producers.size());
            payload.put("producers", slice);
            events.add(EventEnvelope.create("SettlementClosed", 1, "Settlement", s.id.toString(), s.organisationId,
                    clock.instant(), EventJson.toTree(payload)));
        }
        return events;
    }

    public static EventEnvelope paid(Settlement s, ProducerSettlement p, Clock clock) {
        Map<String, Object> payload = header(s);
        payload.put("producerId", p.producerId);
        payload.put("net", p.net);
        payload.put("dueDate", p.dueDate);
        payload.put("paidOn", p.paidOn);
        payload.put("daysLate", p.daysLate());
        payload.put("reference", p.paymentReference);
        payload.put("paidBy", p.paidBy);
        return EventEnvelope.create("PayoutPaid", 1, "Settlement", s.id.toString(), s.organisationId, clock.instant(),
                EventJson.toTree(payload));
    }

    private static Map<String, Object> header(Settlement s) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("settlementId", s.id);
        payload.put("organisationId", s.organisationId);
        payload.put("periodStart", s.periodStart);
        payload.put("periodEnd", s.periodEnd);
        return payload;
    }
}

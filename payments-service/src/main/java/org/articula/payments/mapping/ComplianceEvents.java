package org.articula.payments.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.payments.domain.ComplianceFigures;
import org.articula.payments.domain.ComplianceRule;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.repository.ComplianceQueries.AgreementRow;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/**
 * A compliance notice (a rule that moves no money, met at the end of a fortnight) as the figures stored with it
 * and as the ComplianceNoticeRaised event (api-specs/events/payments-service), about the notice and keyed by the agreement
 * id, so an agreement's notices arrive in order.
 */
public final class ComplianceEvents {

    private static final Map<String, String> SUMMARIES = Map.of(
            "WARNING", "Entregas por debajo de lo comprometido %d quincenas seguidas: advertencia",
            "SUSPENSION_PROPOSED", "Entregas por debajo de lo comprometido %d quincenas seguidas: se propone "
                    + "suspender el acuerdo");

    private ComplianceEvents() {
    }

    /** The rule and each fortnight of the streak that met it: what the notice keeps as its figures. */
    public static JsonNode figures(ComplianceRule.Outcome outcome) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kind", outcome.rule().kind());
        figures.put("consecutiveFortnights", outcome.rule().consecutiveFortnights());
        figures.put("action", outcome.rule().action());
        figures.put("fortnights", outcome.streak().stream().map(ComplianceEvents::fortnight).toList());
        return EventJson.toTree(figures);
    }

    public static EventEnvelope raised(UUID noticeId, AgreementRow agreement, Fortnight fortnight,
            ComplianceRule.Outcome outcome, JsonNode figures, Instant raisedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("noticeId", noticeId);
        payload.put("organisationId", agreement.organisationId());
        payload.put("agreementId", agreement.id());
        payload.put("buyerId", agreement.buyerId());
        payload.put("counterparty", Map.of("type", agreement.counterpartyType(), "id", agreement.counterpartyId()));
        payload.put("periodStart", fortnight.start());
        payload.put("periodEnd", fortnight.end());
        payload.put("rule", outcome.rule().key());
        payload.put("action", outcome.rule().action());
        payload.put("summary", SUMMARIES.getOrDefault(outcome.rule().action(), "%d quincenas seguidas")
                .formatted(outcome.rule().consecutiveFortnights()));
        payload.put("figures", figures);
        payload.put("raisedAt", raisedAt);
        return EventEnvelope.create("ComplianceNoticeRaised", 1, "ComplianceNotice", noticeId.toString(),
                agreement.organisationId(), raisedAt, EventJson.toTree(payload));
    }

    private static Map<String, Object> fortnight(ComplianceFigures f) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("fortnightStart", f.fortnight().start());
        row.put("committed", f.committed());
        row.put("threshold", f.thresholdShown());
        row.put("delivered", f.delivered());
        row.put("accepted", f.accepted());
        return row;
    }
}

package org.articula.lots.mapping;

import static org.articula.platform.events.Payload.date;
import static org.articula.platform.events.Payload.optionalDecimal;
import static org.articula.platform.events.Payload.optionalUuid;
import static org.articula.platform.events.Payload.required;
import static org.articula.platform.events.Payload.text;
import static org.articula.platform.events.Payload.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.DayRange;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.QualityParameter;
import org.articula.lots.domain.TermsVersion;

/**
 * Reads contracts-service event payloads (api-specs/events/contracts-service) into the read model.
 * A payload without a field we need is malformed, so the event goes to the dead-letter topic.
 */
public final class ContractsEventMapper {

    private ContractsEventMapper() {
    }

    public static ProducerRef producer(JsonNode p) {
        ProducerRef ref = new ProducerRef();
        ref.id = uuid(p, "producerId");
        ref.organisationId = uuid(p, "organisationId");
        ref.groupId = optionalUuid(p, "groupId");
        ref.nationalId = text(p, "nationalId");
        ref.name = text(p, "name");
        ref.revision = required(p, "version").asLong();
        return ref;
    }

    public static AgreementTerms agreement(JsonNode a, Instant changedAt) {
        AgreementTerms t = new AgreementTerms();
        t.id = uuid(a, "id");
        t.organisationId = uuid(a, "organisationId");
        t.buyerId = uuid(a, "buyerId");
        JsonNode counterparty = required(a, "counterparty");
        t.counterpartyType = text(counterparty, "type");
        if ("PRODUCER".equals(t.counterpartyType)) {
            t.producerId = uuid(counterparty, "id");
        } else {
            t.groupId = uuid(counterparty, "id");
        }
        t.product = text(a, "product");
        t.unit = text(a, "unit");
        t.startDate = date(a, "startDate");
        t.endDate = date(a, "endDate");
        t.status = text(a, "status");
        t.revision = required(a, "version").asLong();
        t.updatedAt = changedAt;
        t.periodsInForce = new ArrayList<>();
        for (JsonNode p : required(a, "periodsInForce")) {
            t.periodsInForce.add(new DayRange(date(p, "from"), date(p, "to")));
        }
        t.versions = new ArrayList<>();
        for (JsonNode v : required(a, "versions")) {
            List<QualityParameter> quality = new ArrayList<>();
            JsonNode qualityClause = v.path("clauses").path("quality");
            for (JsonNode q : required(qualityClause, "parameters")) {
                quality.add(new QualityParameter(text(q, "code"), q.path("name").asText(text(q, "code")),
                        text(q, "kind"), q.path("unit").isNull() ? null : q.path("unit").asText(null),
                        optionalDecimal(q, "min"), optionalDecimal(q, "max"),
                        q.path("passValue").isBoolean() ? q.path("passValue").booleanValue() : null,
                        q.path("required").asBoolean(true)));
            }
            // Events published before the dispute terms existed lack them: null, read as the defaults.
            JsonNode window = qualityClause.path("contestWindowHours");
            JsonNode favours = qualityClause.path("untestedDisputeFavoursProducer");
            t.versions.add(new TermsVersion(required(v, "number").asInt(), date(v, "effectiveFrom"),
                    date(v, "effectiveTo"), quality, window.isInt() ? window.intValue() : null,
                    favours.isBoolean() ? favours.booleanValue() : null));
        }
        return t;
    }
}

package org.articula.lots.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.DayRange;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.QualityParameter;
import org.articula.lots.domain.TermsVersion;
import org.articula.platform.events.EventJson.MalformedEventException;

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

    public static AgreementTerms agreement(JsonNode a, Instant now) {
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
        t.updatedAt = now;
        t.periodsInForce = new ArrayList<>();
        for (JsonNode p : required(a, "periodsInForce")) {
            t.periodsInForce.add(new DayRange(date(p, "from"), date(p, "to")));
        }
        t.versions = new ArrayList<>();
        for (JsonNode v : required(a, "versions")) {
            List<QualityParameter> quality = new ArrayList<>();
            for (JsonNode q : required(v.path("clauses").path("quality"), "parameters")) {
                quality.add(new QualityParameter(text(q, "code"), q.path("name").asText(text(q, "code")),
                        text(q, "kind"), q.path("unit").isNull() ? null : q.path("unit").asText(null),
                        decimal(q, "min"), decimal(q, "max"),
                        q.path("passValue").isBoolean() ? q.path("passValue").booleanValue() : null,
                        q.path("required").asBoolean(true)));
            }
            t.versions.add(new TermsVersion(required(v, "number").asInt(), date(v, "effectiveFrom"),
                    date(v, "effectiveTo"), quality));
        }
        return t;
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            throw new MalformedEventException("missing " + field, null);
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }

    private static UUID uuid(JsonNode node, String field) {
        return UUID.fromString(text(node, field));
    }

    private static UUID optionalUuid(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : UUID.fromString(value.asText());
    }

    private static LocalDate date(JsonNode node, String field) {
        return LocalDate.parse(text(node, field));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue() : null;
    }
}

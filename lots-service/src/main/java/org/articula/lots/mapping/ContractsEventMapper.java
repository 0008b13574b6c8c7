package org.articula.lots.mapping;

import static org.articula.platform.events.Payload.date;
import static org.articula.platform.events.Payload.decimal;
import static org.articula.platform.events.Payload.optionalDecimal;
import static org.articula.platform.events.Payload.optionalUuid;
import static org.articula.platform.events.Payload.required;
import static org.articula.platform.events.Payload.text;
import static org.articula.platform.events.Payload.uuid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.Certificate;
import org.articula.lots.domain.DayRange;
import org.articula.lots.domain.Parcel;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.domain.QualityParameter;
import org.articula.lots.domain.RequiredCertification;
import org.articula.lots.domain.TermsVersion;
import org.articula.platform.events.EventJson;

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
                    favours.isBoolean() ? favours.booleanValue() : null, requiredCertification(v.path("clauses"))));
        }
        return t;
    }

    // Events published before the certification clause existed lack it: none required.
    private static RequiredCertification requiredCertification(JsonNode clauses) {
        JsonNode clause = clauses.path("certification");
        if (!clause.path("required").isTextual()) {
            return null;
        }
        JsonNode name = clause.path("schemeName");
        return new RequiredCertification(clause.path("required").asText(), name.isTextual() ? name.asText() : null);
    }

    /** CertificationRecorded's {@code certification}. */
    public static Certificate certification(JsonNode c) {
        Certificate certificate = new Certificate();
        certificate.id = uuid(c, "id");
        certificate.organisationId = uuid(c, "organisationId");
        certificate.producerId = optionalUuid(c, "producerId");
        certificate.holderOrganisationId = optionalUuid(c, "holderOrganisationId");
        certificate.scheme = text(c, "scheme");
        certificate.schemeName = c.path("schemeName").isTextual() ? c.path("schemeName").asText() : null;
        certificate.certifier = text(c, "certifier");
        certificate.code = text(c, "code");
        certificate.products = new ArrayList<>();
        required(c, "products").forEach(p -> certificate.products.add(p.asText()));
        certificate.validFrom = date(c, "validFrom");
        certificate.validTo = date(c, "validTo");
        return certificate;
    }

    /** ParcelRegistered's {@code parcel}, a GeoJSON Feature: its geometry kept as written. */
    public static Parcel parcel(JsonNode feature) {
        JsonNode p = required(feature, "properties");
        Parcel parcel = new Parcel();
        parcel.id = uuid(p, "parcelId");
        parcel.organisationId = uuid(p, "organisationId");
        parcel.producerId = uuid(p, "producerId");
        parcel.name = text(p, "name");
        parcel.product = text(p, "product");
        parcel.geometry = asWritten(required(feature, "geometry"));
        parcel.declaredAreaHectares = decimal(p, "declaredAreaHectares");
        parcel.computedAreaHectares = optionalDecimal(p, "computedAreaHectares");
        parcel.deforestationFreeSince2020 = required(p, "deforestationFreeSince2020").asBoolean();
        parcel.deforestationCutOffDate = date(p, "deforestationCutOffDate");
        return parcel;
    }

    // Numbers as they came (EventJson reads them as decimals): -72.700000 keeps its six decimals.
    private static String asWritten(JsonNode geometry) {
        try {
            return EventJson.mapper().writeValueAsString(geometry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

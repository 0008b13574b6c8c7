package org.articula.contracts.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.ClauseVersion;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.domain.Product;
import org.articula.contracts.domain.Transition;
import org.articula.contracts.rest.dto.AgreementAsOf;
import org.articula.contracts.rest.dto.AgreementView;
import org.articula.contracts.rest.dto.ApplicableAgreement;
import org.articula.contracts.rest.dto.ClauseVersionView;
import org.articula.contracts.rest.dto.CounterpartyRef;
import org.articula.contracts.rest.dto.OrganisationView;
import org.articula.contracts.rest.dto.ProducerView;
import org.articula.contracts.rest.dto.ProductView;
import org.articula.contracts.rest.dto.TransitionView;

/** Entities to API views and event payloads; the only place that knows both shapes. */
public final class ContractsMapper {

    private ContractsMapper() {
    }

    public static OrganisationView view(Organisation o) {
        return new OrganisationView(o.id, o.name, o.kind, o.ruc, o.parentId, o.district, o.region, o.createdAt,
                o.version);
    }

    public static ProducerView view(Producer p) {
        return new ProducerView(p.id, p.organisationId, p.groupId, p.nationalId.type().name(),
                p.nationalId.number(), p.name, p.district, p.region, p.phone, p.createdAt, p.updatedAt, p.version);
    }

    /** Payload of ProducerRegistered / ProducerUpdated: everything another service keeps about a producer. */
    public static Map<String, Object> eventPayload(Producer p) {
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
        payload.put("version", p.version);
        return payload;
    }

    /**
     * Payload of OrganisationRegistered: what other services keep about an organisation (payments-service
     * prints its name on statements). The V3 migration builds the same payload in SQL for organisations
     * registered before these events existed.
     */
    public static Map<String, Object> eventPayload(Organisation o) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organisationId", o.id);
        payload.put("name", o.name);
        payload.put("kind", o.kind.name());
        payload.put("ruc", o.ruc);
        payload.put("parentId", o.parentId);
        payload.put("district", o.district);
        payload.put("region", o.region);
        payload.put("version", o.version);
        return payload;
    }

    /** The tenant an organisation's events belong to: a producer group's association, else itself. */
    public static UUID tenantOf(Organisation o) {
        return o.parentId != null ? o.parentId : o.id;
    }

    public static ProductView view(Product p) {
        return new ProductView(p.code, p.name, p.unit, p.organisationId);
    }

    public static AgreementView view(Agreement a) {
        return new AgreementView(a.id, a.organisationId, a.buyerId, counterparty(a), a.product, a.unit, a.startDate,
                a.endDate, a.status, a.version, a.periodsInForce(), versions(a),
                a.transitions.stream().map(ContractsMapper::view).toList(), a.createdAt, a.updatedAt);
    }

    public static List<ClauseVersionView> versions(Agreement a) {
        List<ClauseVersionView> views = new ArrayList<>();
        for (ClauseVersion v : a.versions) {
            views.add(view(a, v));
        }
        return views;
    }

    public static AgreementAsOf asOf(Agreement a, LocalDate day) {
        return new AgreementAsOf(a.id, day, a.inForceOn(day), a.versionOn(day).map(v -> view(a, v)).orElse(null));
    }

    public static ApplicableAgreement applicable(Agreement a, LocalDate day) {
        return new ApplicableAgreement(a.id, a.organisationId, a.buyerId, counterparty(a), a.product, a.unit, day,
                view(a, a.versionOn(day).orElseThrow()));
    }

    /**
     * Payload of every agreement event: the whole agreement as it now stands (so a consumer that
     * missed or reordered events can rebuild it from the latest) and what this event changed.
     */
    public static Map<String, Object> eventPayload(Agreement a, Map<String, Object> change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreement", view(a));
        payload.put("change", change);
        return payload;
    }

    // A version governs until the day before the next one starts, or to the end of validity.
    private static ClauseVersionView view(Agreement a, ClauseVersion v) {
        LocalDate to = a.endDate;
        for (ClauseVersion next : a.versions) {
            if (next.number == v.number + 1) {
                to = next.effectiveFrom.minusDays(1);
            }
        }
        return new ClauseVersionView(v.number, v.effectiveFrom, to, v.clauses, v.reason, v.recordedBy, v.recordedAt);
    }

    private static TransitionView view(Transition t) {
        return new TransitionView(t.seq, t.from, t.to, t.effectiveOn, t.reasonCode, t.reason, t.recordedBy,
                t.recordedAt);
    }

    private static CounterpartyRef counterparty(Agreement a) {
        return new CounterpartyRef(a.counterparty.type, a.counterparty.id());
    }
}

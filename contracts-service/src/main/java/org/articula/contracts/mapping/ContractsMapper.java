package org.articula.contracts.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.ClauseVersion;
import org.articula.contracts.domain.NationalId;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.domain.Product;
import org.articula.contracts.domain.Transition;
import org.articula.contracts.rest.dto.AgreementAsOf;
import org.articula.contracts.rest.dto.AgreementView;
import org.articula.contracts.rest.dto.ApplicableAgreement;
import org.articula.contracts.rest.dto.ClauseVersionView;
import org.articula.contracts.rest.dto.CounterpartyRef;
import org.articula.contracts.rest.dto.OrganisationRequest;
import org.articula.contracts.rest.dto.OrganisationView;
import org.articula.contracts.rest.dto.ProducerRequest;
import org.articula.contracts.rest.dto.ProducerView;
import org.articula.contracts.rest.dto.ProductRequest;
import org.articula.contracts.rest.dto.ProductView;
import org.articula.contracts.rest.dto.TransitionView;

/** Entities to API views; event payloads are built by the per-aggregate factories beside it. */
public final class ContractsMapper {

    private ContractsMapper() {
    }

    public static Organisation newOrganisation(OrganisationRequest request, Instant at) {
        Organisation organisation = new Organisation();
        organisation.id = request.id();
        organisation.name = request.name().strip();
        organisation.kind = request.kind();
        organisation.ruc = request.ruc();
        organisation.parentId = request.parentId();
        organisation.district = request.district();
        organisation.region = request.region();
        organisation.createdAt = at;
        return organisation;
    }

    public static Producer newProducer(UUID organisationId, UUID id, ProducerRequest request, Instant now) {
        Producer producer = new Producer();
        producer.id = id;
        producer.organisationId = organisationId;
        producer.groupId = request.groupId();
        producer.nationalId = NationalId.parse(request.nationalId()).orElseThrow();
        producer.name = request.name().strip();
        producer.district = request.district().strip();
        producer.region = request.region();
        producer.phone = request.phone();
        producer.preferNotices(request.noticesOptIn(), request.noticeChannel());
        producer.createdAt = now;
        producer.updatedAt = now;
        return producer;
    }

    /** A product of the organisation's own catalogue; its id is ours, the code is the caller's. */
    public static Product newProduct(UUID organisationId, ProductRequest request, Instant at) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.code = request.code();
        product.organisationId = organisationId;
        product.name = request.name().strip();
        product.unit = request.unit();
        product.createdAt = at;
        return product;
    }

    public static OrganisationView view(Organisation o) {
        return new OrganisationView(o.id, o.name, o.kind, o.ruc, o.parentId, o.district, o.region, o.createdAt,
                o.version);
    }

    public static ProducerView view(Producer p) {
        return new ProducerView(p.id, p.organisationId, p.groupId, p.nationalId.type().name(),
                p.nationalId.number(), p.name, p.district, p.region, p.phone, p.noticesOptIn, p.noticeChannel,
                p.createdAt,
                p.updatedAt, p.version);
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

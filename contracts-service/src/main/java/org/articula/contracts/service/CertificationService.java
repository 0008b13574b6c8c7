package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.Certification;
import org.articula.contracts.domain.CertificationClause;
import org.articula.contracts.domain.CounterpartyType;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.mapping.CertificationMapper;
import org.articula.contracts.repository.AgreementRepository;
import org.articula.contracts.repository.CertificationRepository;
import org.articula.contracts.repository.ProducerRepository;
import org.articula.contracts.repository.ProductRepository;
import org.articula.contracts.rest.dto.CertificationRequest;
import org.articula.contracts.rest.dto.ExpiringCertification;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/**
 * Certificates of the caller's organisation, its networks and its producers: recorded in one transaction with
 * the audit entry and the CertificationRecorded event, listed, and watched for expiry.
 */
@ApplicationScoped
public class CertificationService {

    @Inject
    CertificationRepository certifications;
    @Inject
    ProducerRepository producers;
    @Inject
    ProductRepository products;
    @Inject
    AgreementRepository agreements;
    @Inject
    OrganisationService organisations;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** Records a certificate; the same request again answers with what is stored. */
    @Transactional
    public Created<Certification> record(CertificationRequest request) {
        UUID tenant = user.organisationId();
        Certification.Facts facts = CertificationMapper.facts(request);
        if (request.producerId() != null) {
            producers.findInOrganisation(tenant, request.producerId())
                    .orElseThrow(() -> ProblemException.notFound("Productor", request.producerId()));
        }
        if (request.organisationId() != null) {
            organisations.visible(request.organisationId());
        }
        for (int i = 0; i < request.products().size(); i++) {
            if (products.findAvailableTo(tenant, request.products().get(i)).isEmpty()) {
                throw ProblemException.invalidField("products[" + i + "]",
                        "producto desconocido: " + request.products().get(i));
            }
        }
        Certification existing = certifications.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing, existing.sameAs(facts),
                    "El id " + request.id() + " ya identifica otro certificado");
        }
        Certification c = Certification.record(facts, tenant, user.name(), clock.instant());
        certifications.persist(c);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("scheme", c.scheme);
        detail.put("code", c.code);
        detail.put("validTo", c.validTo);
        audit.record("CERTIFICATION_RECORDED", c.organisationId, "Certification", c.id, detail);
        outbox.publish(CertificationMapper.recorded(c, clock.instant()));
        return Created.first(c);
    }

    /**
     * Those covering a producer (its own and its organisation's or network's), or those an organisation keeps (the
     * caller's: all; one of its networks: the network's own). Neither given: the caller's organisation, or for a
     * producer the producer itself.
     */
    public List<Certification> list(UUID producerId, UUID organisationId) {
        if (producerId != null && organisationId != null) {
            throw ProblemException.invalidField("organisationId", "indique producerId u organisationId, no ambos");
        }
        if (user.isOnlyProducer() && organisationId != null) {
            throw ProblemException.notFound("Organización", organisationId);
        }
        UUID producer = producerId == null && user.isOnlyProducer() ? user.producerId().orElse(null) : producerId;
        if (producer != null) {
            user.requireProducerOrStaff(producer, "Productor", producer);
            Producer p = producers.findInOrganisation(user.organisationId(), producer)
                    .orElseThrow(() -> ProblemException.notFound("Productor", producer));
            return certifications.covering(p);
        }
        if (user.isOnlyProducer()) {
            return List.of();
        }
        Organisation organisation = organisations.visible(organisationId == null
                ? user.organisationId()
                : organisationId);
        List<Certification> kept = certifications.keptBy(user.organisationId());
        return user.actsFor(organisation.id)
                ? kept
                : kept.stream().filter(c -> organisation.id.equals(c.holderOrganisationId)).toList();
    }

    /** One certificate the caller's organisation keeps; a producer sees only those covering them. */
    public Certification get(UUID id) {
        Certification c = certifications.findById(id);
        if (c == null || !user.actsFor(c.organisationId)
                || (user.isOnlyProducer() && !list(null, null).contains(c))) {
            throw ProblemException.notFound("Certificado", id);
        }
        return c;
    }

    /**
     * The caller's organisation's certificates ending within {@code days} days, and those already ended that an
     * ACTIVE agreement requires today of a producer they covered and that no certificate of the same holder and
     * scheme has replaced; soonest end first.
     */
    public List<ExpiringCertification> expiring(int days) {
        UUID tenant = user.organisationId();
        LocalDate today = LocalDate.now(clock);
        // Everything kept, loaded once: the ending ones are its head, and renewals are looked for in it.
        List<Certification> kept = certifications.keptBy(tenant);
        List<Certification> ending = kept.stream().filter(c -> !c.validTo.isAfter(today.plusDays(days))).toList();
        List<Requirement> requirements = requirements(tenant, today);
        Map<UUID, Set<UUID>> members = members(requirements, ending, tenant);
        List<ExpiringCertification> found = new ArrayList<>();
        for (Certification c : ending) {
            Set<UUID> covered = covered(c, tenant, members);
            List<UUID> requiredBy = requirements.stream()
                    .filter(r -> c.isOf(r.clause().required(), r.clause().schemeName())
                            && (covered == null || r.producers(members).stream().anyMatch(covered::contains)))
                    .map(Requirement::agreementId).toList();
            boolean expired = c.expiredOn(today);
            if (!expired || (!requiredBy.isEmpty() && !renewed(c, today, kept))) {
                found.add(new ExpiringCertification(CertificationMapper.view(c),
                        ChronoUnit.DAYS.between(today, c.validTo), expired, requiredBy));
            }
        }
        return found;
    }

    /** An ACTIVE agreement requiring a certification today, of one producer or of a group's members. */
    private record Requirement(UUID agreementId, CertificationClause clause, UUID producerId, UUID groupId) {

        Set<UUID> producers(Map<UUID, Set<UUID>> members) {
            return producerId != null ? Set.of(producerId) : members.getOrDefault(groupId, Set.of());
        }
    }

    private List<Requirement> requirements(UUID tenant, LocalDate today) {
        List<Requirement> requirements = new ArrayList<>();
        for (Agreement a : agreements.activeOf(tenant)) {
            CertificationClause clause = a.versionOn(today).map(v -> v.clauses.certification()).orElse(null);
            if (clause != null && clause.required() != null) {
                boolean ofProducer = a.counterparty.type == CounterpartyType.PRODUCER;
                requirements.add(new Requirement(a.id, clause, ofProducer ? a.counterparty.producerId : null,
                        ofProducer ? null : a.counterparty.groupId));
            }
        }
        return requirements;
    }

    // The producers of every group a requirement or an ending network certificate names, in one query.
    private Map<UUID, Set<UUID>> members(List<Requirement> requirements, List<Certification> ending, UUID tenant) {
        Set<UUID> groups = new HashSet<>();
        requirements.stream().map(Requirement::groupId).filter(Objects::nonNull).forEach(groups::add);
        ending.stream().filter(c -> c.producerId == null && !c.holderOrganisationId.equals(tenant))
                .forEach(c -> groups.add(c.holderOrganisationId));
        return producers.idsByGroup(groups);
    }

    // The producers a certificate covers; null for the whole organisation's (it covers all of them).
    private static Set<UUID> covered(Certification c, UUID tenant, Map<UUID, Set<UUID>> members) {
        if (c.producerId != null) {
            return Set.of(c.producerId);
        }
        return c.holderOrganisationId.equals(tenant) ? null : members.getOrDefault(c.holderOrganisationId, Set.of());
    }

    // A newer certificate of the same holder and scheme, valid today, has taken over from an expired one.
    private static boolean renewed(Certification expired, LocalDate today, List<Certification> kept) {
        return kept.stream()
                .anyMatch(c -> c.validOn(today) && c.isOf(expired.scheme, expired.schemeName)
                        && Objects.equals(c.producerId, expired.producerId)
                        && Objects.equals(c.holderOrganisationId, expired.holderOrganisationId));
    }
}

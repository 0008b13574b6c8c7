package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.AgreementSearch;
import org.articula.contracts.domain.AgreementStatus;
import org.articula.contracts.domain.ClauseVersion;
import org.articula.contracts.domain.Clauses;
import org.articula.contracts.domain.Counterparty;
import org.articula.contracts.domain.CounterpartyType;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;
import org.articula.contracts.domain.Producer;
import org.articula.contracts.domain.Product;
import org.articula.contracts.domain.Transition;
import org.articula.contracts.mapping.AgreementEvents;
import org.articula.contracts.repository.AgreementRepository;
import org.articula.contracts.repository.OrganisationRepository;
import org.articula.contracts.repository.ProducerRepository;
import org.articula.contracts.repository.ProductRepository;
import org.articula.contracts.rest.dto.AgreementRequest;
import org.articula.contracts.rest.dto.AmendmentRequest;
import org.articula.contracts.rest.dto.DraftUpdate;
import org.articula.contracts.rest.dto.StatusChange;
import org.articula.contracts.rest.dto.Termination;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.CurrentUser;

/**
 * Agreements from draft to end: creation, draft edits, amendments and lifecycle changes, each in
 * one transaction with its event in the outbox. Every refusal leaves nothing stored.
 */
@ApplicationScoped
public class AgreementService {

    @Inject
    AgreementRepository agreements;
    @Inject
    OrganisationRepository organisations;
    @Inject
    ProducerRepository producers;
    @Inject
    ProductRepository products;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** An agreement the caller's organisation is party to (as the producers' organisation or the buyer). */
    public Agreement get(UUID id) {
        return agreements.findWithHistory(id).filter(a -> user.actsFor(a.organisationId) || user.actsFor(a.buyerId))
                .orElseThrow(() -> ProblemException.notFound("Acuerdo", id));
    }

    /** An agreement the caller may change: only its producers' organisation does; the buyer reads it. */
    private Agreement owned(UUID id) {
        Agreement agreement = get(id);
        if (!user.actsFor(agreement.organisationId)) {
            throw ProblemException.forbidden("Solo la organización de los productores cambia el acuerdo " + id);
        }
        return agreement;
    }

    /** Stores a new agreement as DRAFT; the same request again answers with what is stored. */
    @Transactional
    public Created<Agreement> create(AgreementRequest request) {
        Agreement existing = agreements.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing,
                    user.actsFor(existing.organisationId) && sameAs(existing, request),
                    "El id " + request.id() + " ya identifica otro acuerdo");
        }
        List<Violation> violations = new ArrayList<>();
        Organisation buyer = organisations.findById(request.buyerId());
        if (buyer == null || buyer.kind == OrganisationKind.PRODUCER_GROUP) {
            violations.add(new Violation("buyerId", "no es una organización compradora registrada"));
        }
        UUID organisationId = tenantOf(request.counterparty().type(), request.counterparty().id(), violations);
        Product product = buyer == null ? null : products.findAvailableTo(buyer.id, request.product()).orElse(null);
        if (product == null && buyer != null) {
            violations.add(new Violation("product", "producto desconocido: " + request.product()));
        }
        checkValidity(request.startDate(), request.endDate(), violations);
        violations.addAll(ClauseRules.check(request.clauses(), "clauses."));
        refuseIfAny(violations);

        Instant now = clock.instant();
        Agreement agreement = new Agreement();
        agreement.id = request.id();
        agreement.organisationId = organisationId;
        agreement.buyerId = buyer.id;
        agreement.counterparty = request.counterparty().type() == CounterpartyType.PRODUCER
                ? Counterparty.producer(request.counterparty().id())
                : Counterparty.group(request.counterparty().id());
        agreement.product = product.code;
        agreement.unit = request.unit() == null ? product.unit : request.unit();
        agreement.startDate = request.startDate();
        agreement.endDate = request.endDate();
        agreement.status = AgreementStatus.DRAFT;
        agreement.createdAt = now;
        agreement.updatedAt = now;
        agreement.addVersion(UUID.randomUUID(), request.startDate(), request.clauses().withDefaults(), null,
                user.name(), now);
        agreements.persist(agreement);
        audited("CREATED", agreement, Map.of("buyerId", agreement.buyerId, "product", agreement.product));
        return Created.first(agreement);
    }

    /** Changes a draft's dates and clauses; nobody else has seen a draft, so no event. */
    @Transactional
    public Agreement redraft(UUID id, DraftUpdate update) {
        Agreement agreement = owned(id);
        checkVersion(agreement, update.version());
        List<Violation> violations = new ArrayList<>();
        checkValidity(update.startDate(), update.endDate(), violations);
        violations.addAll(ClauseRules.check(update.clauses(), "clauses."));
        refuseIfAny(violations);
        agreement.startDate = update.startDate();
        agreement.endDate = update.endDate();
        agreement.redraft(update.clauses().withDefaults(), user.name(), clock.instant());
        agreement.updatedAt = clock.instant();
        agreements.flush();
        audited("REDRAFTED", agreement, Map.of("version", agreement.version));
        return agreement;
    }

    /** Adds a clause version from its effective date; idempotent by the amendment's id. */
    @Transactional
    public Created<ClauseVersion> amend(UUID id, AmendmentRequest request) {
        Agreement agreement = owned(id);
        Clauses clauses = request.clauses().withDefaults();
        for (ClauseVersion v : agreement.versions) {
            if (v.id.equals(request.id())) {
                return Created.repeatOrConflict(v,
                        v.effectiveFrom.equals(request.effectiveFrom()) && v.clauses.equals(clauses),
                        "La adenda " + request.id() + " ya se registró con otro contenido");
            }
        }
        checkVersion(agreement, request.version());
        refuseIfAny(ClauseRules.check(request.clauses(), "clauses."));
        ClauseVersion version = agreement.addVersion(request.id(), request.effectiveFrom(), clauses,
                request.reason().strip(), user.name(), clock.instant());
        Map<String, Object> change = change("AMENDED");
        change.put("versionNumber", version.number);
        change.put("effectiveFrom", version.effectiveFrom);
        publish("AgreementAmended", agreement, change);
        audited("AMENDED", agreement, change);
        return Created.first(version);
    }

    @Transactional
    public Agreement activate(UUID id, StatusChange request) {
        Agreement agreement = owned(id);
        if (repeats(agreement, AgreementStatus.ACTIVE, agreement.startDate, user.name())) {
            return agreement;
        }
        Transition t = agreement.activate(today(), user.name(), clock.instant());
        t.reason = request.reason();
        refuseOverlap(agreement);
        changed("AgreementActivated", agreement, t);
        return agreement;
    }

    @Transactional
    public Agreement suspend(UUID id, StatusChange request) {
        Agreement agreement = owned(id);
        LocalDate effectiveOn = effectiveOn(request.effectiveOn());
        if (repeats(agreement, AgreementStatus.SUSPENDED, effectiveOn, user.name())) {
            return agreement;
        }
        Transition t = agreement.suspend(effectiveOn, request.reason(), today(), user.name(), clock.instant());
        changed("AgreementSuspended", agreement, t);
        return agreement;
    }

    @Transactional
    public Agreement reactivate(UUID id, StatusChange request) {
        Agreement agreement = owned(id);
        LocalDate effectiveOn = effectiveOn(request.effectiveOn());
        if (repeats(agreement, AgreementStatus.ACTIVE, effectiveOn, user.name())) {
            return agreement;
        }
        Transition t = agreement.reactivate(effectiveOn, request.reason(), today(), user.name(), clock.instant());
        refuseOverlap(agreement);
        changed("AgreementReactivated", agreement, t);
        return agreement;
    }

    @Transactional
    public Agreement terminate(UUID id, Termination request) {
        Agreement agreement = owned(id);
        LocalDate effectiveOn = effectiveOn(request.effectiveOn());
        if (repeats(agreement, AgreementStatus.TERMINATED, effectiveOn, user.name())) {
            return agreement;
        }
        Transition t = agreement.terminate(request.reasonCode(), request.reason(), effectiveOn, today(), user.name(),
                clock.instant());
        changed("AgreementTerminated", agreement, t);
        return agreement;
    }

    /**
     * Marks EXPIRED every running agreement whose validity ended before {@code today}, in batches;
     * returns how many. Two instances racing on one agreement: the loser's batch fails on the
     * version check and rolls back, so each expiry is published once.
     */
    @Transactional
    public int expireDue(LocalDate today, int limit) {
        List<Agreement> due = agreements.dueToExpire(today, limit);
        Instant now = clock.instant();
        List<AuditTrail.Change> expired = new ArrayList<>();
        for (Agreement agreement : due) {
            Map<String, Object> change = transitionChange(agreement.expire(AuditTrail.SYSTEM, now));
            publish("AgreementExpired", agreement, change);
            expired.add(new AuditTrail.Change(agreement.organisationId, "Agreement", agreement.id, change));
        }
        audit.recordBySystem("EXPIRED", expired);
        return due.size();
    }

    /** The agreements that govern a producer's deliveries of a product on a day (normally one per buyer). */
    public List<Agreement> applicableTo(UUID producerId, String product, LocalDate day) {
        Producer producer = producers.findByIdOptional(producerId).filter(p -> user.actsFor(p.organisationId))
                .orElseThrow(() -> ProblemException.notFound("Productor", producerId));
        return agreements.coveringCandidates(producer.id, producer.groupId, product, day).stream()
                .filter(a -> a.inForceOn(day)).toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The producers the agreement covers now: its producer, or its network's members. */
    public List<UUID> producersCovered(Agreement agreement) {
        return agreement.counterparty.type == CounterpartyType.PRODUCER
                ? List.of(agreement.counterparty.producerId)
                : producers.idsInGroup(agreement.counterparty.groupId);
    }

    // The organisation that registers the covered producers is the agreement's tenant: the caller's
    // own (another organisation's producers and groups look unregistered).
    private UUID tenantOf(CounterpartyType type, UUID id, List<Violation> violations) {
        if (type == CounterpartyType.PRODUCER) {
            Producer producer = producers.findById(id);
            if (producer == null || !user.actsFor(producer.organisationId)) {
                violations.add(new Violation("counterparty.id", "productor no registrado"));
                return null;
            }
            return producer.organisationId;
        }
        Organisation group = organisations.findById(id);
        if (group == null || group.kind != OrganisationKind.PRODUCER_GROUP || !user.actsFor(group.parentId)) {
            violations.add(new Violation("counterparty.id", "grupo de productores no registrado"));
            return null;
        }
        return group.parentId;
    }

    private static void checkValidity(LocalDate start, LocalDate end, List<Violation> violations) {
        if (start != null && end != null && end.isBefore(start)) {
            violations.add(
                    new Violation("endDate", "la vigencia termina (" + end + ") antes de empezar (" + start + ")"));
        }
    }

    /**
     * A producer may hold one ACTIVE agreement per buyer and product on any day, counting the ones
     * it holds through its group. Activations for the same buyer are serialised by locking the
     * buyer's row, so two concurrent activations cannot both pass this check.
     */
    private void refuseOverlap(Agreement agreement) {
        organisations.findById(agreement.buyerId, LockModeType.PESSIMISTIC_WRITE);
        List<UUID> producerIds = new ArrayList<>();
        List<UUID> groupIds = new ArrayList<>();
        if (agreement.counterparty.type == CounterpartyType.PRODUCER) {
            producerIds.add(agreement.counterparty.producerId);
            UUID group = producers.findById(agreement.counterparty.producerId).groupId;
            if (group != null) {
                groupIds.add(group);
            }
        } else {
            groupIds.add(agreement.counterparty.groupId);
            producerIds.addAll(producersCovered(agreement));
        }
        List<Agreement> clashes = agreements.activeOverlapping(agreement.id, agreement.buyerId, agreement.product,
                agreement.startDate, agreement.endDate, producerIds, groupIds);
        if (!clashes.isEmpty()) {
            Agreement other = clashes.get(0);
            throw new ProblemException(ProblemType.CONFLICT, "Ya hay un acuerdo ACTIVE con el mismo comprador para "
                    + agreement.product + " en fechas que se cruzan: " + other.id + " (" + other.startDate + " a "
                    + other.endDate + ")",
                    List.of(new Violation("counterparty.id", "ya tiene el acuerdo activo "
                            + other.id + " con este comprador y producto en esas fechas")));
        }
    }

    // A retried request (same target, same date, same person) answers with the current state.
    private static boolean repeats(Agreement a, AgreementStatus target, LocalDate effectiveOn, String by) {
        if (a.status != target || a.transitions.isEmpty()) {
            return false;
        }
        Transition last = a.transitions.get(a.transitions.size() - 1);
        return last.to == target && last.effectiveOn.equals(effectiveOn) && Objects.equals(last.recordedBy, by);
    }

    private LocalDate effectiveOn(LocalDate requested) {
        return requested == null ? today() : requested;
    }

    private static void checkVersion(Agreement agreement, long version) {
        if (agreement.version != version) {
            throw new ProblemException(ProblemType.CONCURRENT_MODIFICATION, "El acuerdo cambió (versión "
                    + agreement.version + "); vuelva a leerlo y repita el cambio");
        }
    }

    private static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, violations.stream()
                    .map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")), violations);
        }
    }

    private static Map<String, Object> change(String kind) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("kind", kind);
        return change;
    }

    private static Map<String, Object> transitionChange(Transition t) {
        Map<String, Object> change = change(t.to == AgreementStatus.ACTIVE
                ? (t.from == AgreementStatus.DRAFT ? "ACTIVATED" : "REACTIVATED")
                : t.to.name());
        change.put("transitionSeq", t.seq);
        change.put("effectiveOn", t.effectiveOn);
        return change;
    }

    // A lifecycle change: its event, and who made it in the audit trail.
    private void changed(String eventType, Agreement agreement, Transition t) {
        Map<String, Object> change = transitionChange(t);
        publish(eventType, agreement, change);
        audited((String) change.get("kind"), agreement, change);
    }

    private void audited(String action, Agreement agreement, Map<String, ?> detail) {
        audit.record(action, agreement.organisationId, "Agreement", agreement.id, detail);
    }

    private void publish(String type, Agreement agreement, Map<String, Object> change) {
        agreements.flush(); // the event carries the version the change produced
        outbox.publish(AgreementEvents.of(type, agreement, change, clock.instant()));
    }

    private static boolean sameAs(Agreement a, AgreementRequest r) {
        return a.buyerId.equals(r.buyerId()) && a.counterparty.type == r.counterparty().type()
                && a.counterparty.id().equals(r.counterparty().id()) && a.product.equals(r.product())
                && a.startDate.equals(r.startDate()) && a.endDate.equals(r.endDate())
                && (r.unit() == null || r.unit().equals(a.unit))
                && (a.status != AgreementStatus.DRAFT || a.versions.get(0).clauses.equals(r.clauses().withDefaults()));
    }

    /** A page of the agreements {@code partyId}'s organisation is party to, narrowed by the filters given. */
    public List<Agreement> page(AgreementSearch search, int page, int size) {
        return agreements.page(search, page, size);
    }
}

package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.Dispute;
import org.articula.lots.domain.DisputeStatus;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.Retest;
import org.articula.lots.domain.TermsVersion;
import org.articula.lots.mapping.DisputeEvents;
import org.articula.lots.mapping.LotEvents;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CentreRepository;
import org.articula.lots.repository.DisputeRepository;
import org.articula.lots.repository.LotRepository;
import org.articula.lots.rest.dto.DisputeRequest;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;

/**
 * Disputes of rejected lots: opened by the producer (their own lot), the lot's centre or the organisation's
 * buyer-admin; decided by the counter-sample's re-test, or by the clause's rule once past their deadline. An
 * overturned dispute's lot revision is published as LotCorrected, the event payments-service already prices.
 */
@ApplicationScoped
public class DisputeService {

    /** A listing answers at most this many disputes, newest first. */
    static final int MAX_LISTED = 500;

    @Inject
    DisputeRepository disputes;
    @Inject
    LotRepository lots;
    @Inject
    LotService lotService;
    @Inject
    CentreRepository centres;
    @Inject
    AgreementTermsRepository agreements;
    @Inject
    Outbox outbox;
    @Inject
    AuditTrail audit;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;

    /** Opens a dispute of the lot's rejection; the same request again answers what it created. */
    @Transactional
    public Created<Dispute> open(UUID lotId, DisputeRequest request) {
        Lot lot = lotService.get(lotId);
        mayContest(lot);
        // The lot's disputes before the id: a repeat committed in between is then found by its id, not refused.
        List<Dispute> earlier = disputes.ofLot(lotId);
        Dispute existing = disputes.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing, visible(existing) && existing.isRepeatOf(lotId, request.reason()),
                    "El id " + request.id() + " ya identifica otra impugnación");
        }
        Dispute dispute = Dispute.open(request.id(), lot, clauseOf(lot), earlier, request.reason(), user.name(),
                clock.instant(), clock.getZone());
        disputes.persist(dispute);
        disputes.flush();
        outbox.publishAll(List.of(DisputeEvents.opened(dispute)), e -> DisputeEvents.key(dispute));
        audit.record("OPENED", dispute.organisationId, "Dispute", dispute.id, Map.of("lotId", lot.id,
                "lotRevision", dispute.lotRevision, "reason", dispute.reason, "deadline", dispute.deadline));
        return Created.first(dispute);
    }

    /** A producer contests their own lots; staff those of the centre (operator) or organisation (buyer-admin). */
    private void mayContest(Lot lot) {
        if (user.isOnlyProducer()) {
            return; // get() showed them only their own
        }
        boolean atCentre = user.hasRole(Roles.CENTRE_OPERATOR)
                && user.actsFor(centres.findById(lot.centreId).organisationId);
        boolean ofOrganisation = user.hasRole(Roles.BUYER_ADMIN) && user.actsFor(lot.organisationId);
        boolean producersOwn = user.hasRole(Roles.PRODUCER)
                && user.producerId().map(lot.producerId::equals).orElse(false);
        if (!atCentre && !ofOrganisation && !producersOwn) {
            throw ProblemException.forbidden("Impugna el lote " + lot.id + " su productor, el centro de acopio que lo "
                    + "registró o el administrador de la organización que lo compra");
        }
    }

    /** Decides the dispute by the counter-sample's re-test; the same re-test again changes nothing. */
    @Transactional
    public Dispute retest(UUID id, Retest retest) {
        Dispute dispute = get(id);
        if (dispute.isRepeatOf(retest)) {
            return dispute;
        }
        Lot lot = lots.findById(dispute.lotId);
        LotReceipt before = LotMapper.receipt(lot);
        Optional<LotRevision> revision = dispute.retest(retest, lot, clauseOf(lot), user.name(), clock.instant());
        revision.ifPresent(r -> lotChanged(lot, before, r, dispute));
        decided(dispute);
        audit.record("DECIDED", dispute.organisationId, "Dispute", dispute.id, Map.of("status", dispute.status,
                "decision", dispute.decision, "testedBy", dispute.testedBy, "verdict", dispute.retestVerdict));
        revision.ifPresent(r -> audit.record(r.kind.name(), lot.organisationId, "Lot", lot.id,
                Map.of("revision", lot.revision, "reason", r.reason)));
        return dispute;
    }

    /**
     * Decides, as each one's clause says, up to {@code limit} open disputes whose deadline is at or before
     * {@code now}; answers how many. Running it again decides none of them twice.
     */
    @Transactional
    public int decideOverdue(Instant now, int limit) {
        List<Dispute> due = disputes.overdue(now, limit);
        List<AuditTrail.Change> changes = new ArrayList<>();
        for (Dispute dispute : due) {
            Lot lot = lots.findById(dispute.lotId);
            LotReceipt before = LotMapper.receipt(lot);
            Optional<LotRevision> revision = dispute.decideUntested(lot, AuditTrail.SYSTEM, now);
            revision.ifPresent(r -> {
                lotChanged(lot, before, r, dispute);
                changes.add(new AuditTrail.Change(lot.organisationId, "Lot", lot.id,
                        Map.of("revision", lot.revision, "reason", r.reason)));
            });
            decided(dispute);
            changes.add(new AuditTrail.Change(dispute.organisationId, "Dispute", dispute.id,
                    Map.of("status", dispute.status, "decision", dispute.decision)));
        }
        if (!changes.isEmpty()) {
            audit.recordBySystem("DECIDED", changes);
        }
        return due.size();
    }

    /** A dispute the caller may see: as its lot (a producer only their own); anything else is "not found". */
    public Dispute get(UUID id) {
        return disputes.findByIdOptional(id).filter(this::visible)
                .orElseThrow(() -> ProblemException.notFound("Impugnación", id));
    }

    /** The organisation's disputes (or at its centres) by status, centre and producer; a producer only theirs. */
    public List<Dispute> search(UUID organisationId, DisputeStatus status, UUID centreId, UUID producerId) {
        UUID organisation = user.organisationOrOwn(organisationId);
        UUID producer = producerId;
        if (user.isOnlyProducer()) { // only their own, whichever producer they name
            if (producerId != null) {
                user.requireProducerOrStaff(producerId, "Productor", producerId);
            }
            producer = user.producerId()
                    .orElseThrow(() -> ProblemException.forbidden("El token no indica el productor"));
        }
        return disputes.search(new DisputeRepository.Filter(organisation, status, centreId, producer), MAX_LISTED);
    }

    private boolean visible(Dispute d) {
        if (user.isOnlyProducer()) {
            return user.actsFor(d.organisationId) && user.producerId().map(d.producerId::equals).orElse(false);
        }
        return user.actsFor(d.organisationId) || user.actsFor(centres.findById(d.centreId).organisationId);
    }

    // The clause version that judged the lot: it judges the re-test and sets the window.
    private TermsVersion clauseOf(Lot lot) {
        AgreementTerms terms = agreements.findById(lot.agreementId);
        return terms.version(lot.agreementVersion).orElseThrow();
    }

    // The lot's new revision stored and published as LotCorrected, with the lot before it and the dispute.
    private void lotChanged(Lot lot, LotReceipt before, LotRevision revision, Dispute dispute) {
        lots.getEntityManager().persist(revision);
        lots.flush(); // the event carries the version the change produced
        outbox.publishAll(List.of(LotEvents.overturned(lot, revision, before, dispute.id)), e -> LotEvents.key(lot));
    }

    private void decided(Dispute dispute) {
        disputes.flush();
        outbox.publishAll(List.of(DisputeEvents.decided(dispute)), e -> DisputeEvents.key(dispute));
    }
}

package org.articula.payments.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Run;
import org.articula.payments.domain.Settlement;
import org.articula.payments.mapping.SettlementEvents;
import org.articula.payments.mapping.SettlementMapper;
import org.articula.payments.repository.RunLog;
import org.articula.payments.repository.SettlementRepository;
import org.articula.payments.rest.dto.PayoutBatchResult;
import org.articula.payments.rest.dto.PayoutRequest;
import org.articula.payments.rest.dto.ProducerStatementSummary;
import org.articula.payments.rest.dto.RunRequest;
import org.articula.payments.rest.dto.SettlementSummary;
import org.articula.payments.rest.dto.SettlementView;
import org.articula.payments.rest.dto.Statement;
import org.articula.payments.settlement.SettlementCalculation;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.Problem;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.CurrentUser;

/**
 * Runs, closes and pays fortnightly settlements. A run computes the whole fortnight again from the
 * read model (same inputs, same result); closing runs it one last time and freezes it; payouts are
 * recorded per producer with their date, so lateness against the due date is known.
 */
@ApplicationScoped
public class SettlementService {

    @Inject
    SettlementRepository settlements;
    @Inject
    SettlementCalculation calculation;
    @Inject
    Outbox outbox;
    @Inject
    ComplianceService compliance;
    @Inject
    NoticeService notices;
    @Inject
    RunLog runs;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;
    @Inject
    RunFailures failures;
    @Inject
    BackgroundRuns background;
    @Inject
    PurchaseLedgerService purchases;

    /** A settlement of the caller's organisation; another one's is "not found". */
    public Settlement get(UUID id) {
        return CallersOwn.orNotFound(user, settlements.findByIdOptional(id), s -> s.organisationId, "Liquidación", id);
    }

    /**
     * A run asked for, checked and logged as RUNNING, to compute now ({@link #compute}) or after answering
     * ({@link #computeLater}); who asked is kept because the computation may outlive the request.
     */
    public record Ticket(UUID runId, UUID organisationId, Fortnight fortnight, String by, UUID byOrganisation) {
    }

    /** What asking for a run gave: a new run to compute, or the run its id already names (never started again). */
    public record Requested(Ticket ticket, Run existing) {
    }

    /**
     * Checks a run request as the caller (their organisation, a fortnight that starts on the 1st or the 16th and
     * is not closed) and logs the run. A {@code runId} already used is answered with that run, so repeating a
     * request starts nothing; one used for another organisation or fortnight is a conflict.
     */
    public Requested request(RunRequest request) {
        user.requireOrganisation(request.organisationId(), "Organización", request.organisationId());
        Fortnight fortnight = RequestedFortnight.startingOn(request.fortnightStart());
        UUID runId = request.runId() != null ? request.runId() : UUID.randomUUID();
        Optional<Run> existing = runs.find(runId);
        if (existing.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> settlements.forFortnight(request.organisationId(),
                    fortnight.start(), LockModeType.NONE).ifPresent(Settlement::requireOpen));
            if (runs.start(runId, request.organisationId(), fortnight.start(), SettlementCalculation.STEPS,
                    user.name(), clock.instant())) {
                return new Requested(new Ticket(runId, request.organisationId(), fortnight, user.name(),
                        user.organisationId()), null);
            }
            existing = runs.find(runId); // the same request, started by a concurrent twin
        }
        Run run = existing.orElseThrow();
        if (!run.organisationId().equals(request.organisationId()) || !run.periodStart().equals(fortnight.start())) {
            throw new ProblemException(ProblemType.CONFLICT, "El runId " + runId + " ya identifica otra ejecución",
                    List.of(new Problem.Violation("runId", "ya usado para otra ejecución")));
        }
        return new Requested(null, run);
    }

    /**
     * Computes (or computes again) the organisation's settlement of a fortnight. The run is logged with its
     * progress in transactions of its own, so it can be followed while it computes and its outcome is known
     * if the caller gave up waiting; running again is always safe. A failure is logged with its reason in
     * words ({@link RunFailures}) and thrown as the answer for a caller still waiting.
     */
    public Settlement compute(Ticket ticket) {
        try {
            Computed result = QuarkusTransaction.requiringNew().call(() -> computeFortnight(ticket));
            runs.succeed(ticket.runId(), result.settlement().id, result.counts().lotLines(),
                    result.counts().producers(), clock.instant());
            return result.settlement();
        } catch (RuntimeException e) {
            RunFailures.Explained failure = failures.explain(e, ticket.organisationId(), ticket.fortnight());
            runs.fail(ticket.runId(), failure.reason(), failure.errorId(), clock.instant());
            throw failure.answer() != null ? failure.answer() : e;
        }
    }

    /** {@link #compute} after the request has been answered; the run's log says how it went. */
    public void computeLater(Ticket ticket) {
        try {
            background.submit(() -> {
                try {
                    compute(ticket);
                } catch (RuntimeException e) {
                    // already in the run's log, with its reason
                }
            });
        } catch (RejectedExecutionException e) { // the service is stopping
            runs.fail(ticket.runId(), "El servicio se estaba deteniendo y no empezó el cálculo. Vuelva a ejecutar la "
                    + "liquidación.", null, clock.instant());
        }
    }

    public List<SettlementSummary> list(UUID organisationId, LocalDate fortnightStart) {
        UUID organisation = user.organisationOrOwn(organisationId);
        return settlements.summaries(organisation, fortnightStart).stream().map(SettlementMapper::summary).toList();
    }

    public Optional<Run> findRun(UUID runId) {
        return runs.find(runId).filter(run -> user.actsFor(run.organisationId()));
    }

    private record Computed(Settlement settlement, SettlementCalculation.Counts counts) {
    }

    // Runs without the request's context (it may have ended): who asked comes with the ticket.
    private Computed computeFortnight(Ticket ticket) {
        UUID organisationId = ticket.organisationId();
        Fortnight fortnight = ticket.fortnight();
        // Created if missing in a way two first runs at once cannot both do, then locked for this run.
        settlements.createIfMissing(UUID.randomUUID(), organisationId, fortnight.start(), fortnight.end(),
                clock.instant());
        Settlement settlement = settlements.forFortnight(organisationId, fortnight.start(),
                LockModeType.PESSIMISTIC_WRITE).orElseThrow();
        settlement.requireOpen(); // it may have closed since the request was checked
        Computed computed = new Computed(settlement, compute(settlement, (step, millis) -> runs.step(ticket.runId(),
                step, millis)));
        audit.recordAs(ticket.by(), ticket.byOrganisation(), "COMPUTED", organisationId, "Settlement", settlement.id,
                Map.of("runId", ticket.runId(), "runs", settlement.runs));
        return computed;
    }

    /** Closes after a last computation; closing a closed settlement changes nothing. */
    @Transactional
    public Settlement close(UUID id) {
        Settlement settlement = CallersOwn.orNotFound(user, settlements.findByIdOptional(id,
                LockModeType.PESSIMISTIC_WRITE), s -> s.organisationId, "Liquidación", id);
        if (settlement.isClosed()) { // closing again changes nothing, and computes nothing
            return settlement;
        }
        settlement.requireEarlierClosed(settlements.earlierOpen(settlement.organisationId, settlement.periodStart));
        calculation.lockActiveCharges(settlement.organisationId); // a charge cancelled now would be recovered
        compute(settlement, (step, millis) -> {
        });
        calculation.writeLotLines(settlement.id); // an open settlement keeps only totals (decision 0036)
        calculation.markSettled(settlement.id);
        settlement.close(user.name(), clock.instant());
        purchases.issue(settlement); // liquidaciones de compra, numbered once, with the closing (decision 0031)
        List<ProducerSettlement> producers = settlements.producers(settlement.id);
        outbox.publishAll(SettlementEvents.closed(settlement, producers, clock));
        notices.settlementClosed(settlement, producers);
        compliance.raiseNotices(settlement.organisationId, Fortnight.of(settlement.periodStart));
        audit.record("CLOSED", settlement.organisationId, "Settlement", settlement.id,
                Map.of("periodStart", settlement.periodStart));
        return settlement;
    }

    /** Records that a producer was paid; the same payout again changes nothing. */
    @Transactional
    public ProducerSettlement pay(UUID id, PayoutRequest payout) {
        requireNotFuture(payout, "paidOn");
        Settlement settlement = get(id);
        settlement.requirePayable();
        // Locked: two payouts recorded at once must not both pass the "not paid yet" check.
        ProducerSettlement producer = settlements.producerForUpdate(id, payout.producerId())
                .orElseThrow(() -> ProblemException.notFound("Productor en la liquidación", payout.producerId()));
        if (producer.recordPayout(payout.paidOn(), payout.reference(), user.name())) {
            recorded(settlement, List.of(producer));
        }
        return producer;
    }

    /**
     * Records a batch of payouts of one closed settlement, each on its own: a refused one (a future date, a
     * producer not in the settlement, one already paid on another day) is answered in its place and the others
     * are recorded. The producers' rows are locked by one query in key order, so two batches that meet wait for
     * each other instead of deadlocking; events, notices and audit entries are written once for the batch.
     */
    @Transactional
    public PayoutBatchResult payAll(UUID id, List<PayoutRequest> payouts) {
        Settlement settlement = get(id);
        settlement.requirePayable();
        Map<UUID, ProducerSettlement> producers = settlements.producersForUpdate(id,
                payouts.stream().map(PayoutRequest::producerId).collect(Collectors.toSet()));
        List<PayoutBatchResult.PayoutResult> results = new ArrayList<>(payouts.size());
        List<ProducerSettlement> paid = new ArrayList<>();
        for (int i = 0; i < payouts.size(); i++) {
            PayoutRequest payout = payouts.get(i);
            try {
                requireNotFuture(payout, "payouts[" + i + "].paidOn");
                ProducerSettlement producer = Optional.ofNullable(producers.get(payout.producerId()))
                        .orElseThrow(() -> ProblemException.notFound("Productor en la liquidación",
                                payout.producerId()));
                boolean recorded = producer.recordPayout(payout.paidOn(), payout.reference(), user.name());
                if (recorded) {
                    paid.add(producer);
                }
                results.add(SettlementMapper.payoutDone(i, producer, recorded));
            } catch (ProblemException e) {
                results.add(SettlementMapper.payoutRefused(i, payout.producerId(), e.problem()));
            }
        }
        recorded(settlement, paid);
        return SettlementMapper.payoutBatch(settlement.id, results);
    }

    private void requireNotFuture(PayoutRequest payout, String field) {
        if (payout.paidOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField(field, "no puede ser una fecha futura");
        }
    }

    // What follows a payout just recorded: its event, the producer's notice, the audit entry.
    private void recorded(Settlement settlement, List<ProducerSettlement> paid) {
        if (paid.isEmpty()) {
            return;
        }
        outbox.publishAll(paid.stream().map(p -> SettlementEvents.paid(settlement, p, clock)).toList());
        notices.payoutsRecorded(settlement, paid);
        audit.recordAll("PAID", paid.stream().map(p -> {
            Map<String, Object> detail = new HashMap<>(Map.of("producerId", p.producerId, "amount", p.net,
                    "paidOn", p.paidOn));
            if (p.paymentReference != null) {
                detail.put("reference", p.paymentReference);
            }
            return new AuditTrail.Change(settlement.organisationId, "Settlement", settlement.id, detail);
        }).toList());
    }

    /**
     * Hands {@code reader} the settlement's view with its producers read from the database as the reader goes
     * through them (a settlement of 200,000 producers is never in memory whole); the list is good until
     * {@code reader} returns. In the caller's transaction, which the reading needs; {@code s} comes from
     * {@link #get}, which checked access.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readView(Settlement s, Consumer<SettlementView> reader) {
        int waiting = settlements.waitingLots(s.organisationId, s.periodStart, s.periodEnd);
        UUID lastRun = settlements.lastRun(s.id);
        try (SettlementRepository.ProducerCursor producers = settlements.producerCursor(s.id)) {
            reader.accept(SettlementMapper.view(s, producers, waiting, lastRun));
        }
    }

    /** A producer's statement; a producer reads only their own. */
    public Statement statement(UUID settlementId, UUID producerId) {
        user.requireProducerOrStaff(producerId, "Productor en la liquidación", producerId);
        Settlement s = get(settlementId);
        ProducerSettlement p = settlements.producer(settlementId, producerId)
                .orElseThrow(() -> ProblemException.notFound("Productor en la liquidación", producerId));
        return statements(s, List.of(p), producerId).get(0);
    }

    /** Every producer's statement of a settlement, by producer name (staff only: the resource admits no producer). */
    public List<Statement> statements(UUID settlementId) {
        Settlement s = get(settlementId);
        return statements(s, settlements.producers(settlementId), null).stream()
                .sorted(Comparator.comparing((Statement st) -> st.producerName() == null ? "" : st.producerName())
                        .thenComparing(Statement::producerId))
                .toList();
    }

    /**
     * A producer's fortnights in the caller's organisation, newest first. Without {@code producerId}, a
     * producer's own; a producer asking for another's, or staff for someone not of the organisation, is
     * "not found".
     */
    public List<ProducerStatementSummary> producerStatements(UUID producerId) {
        UUID producer = producerId != null
                ? producerId
                : user.producerId()
                        .orElseThrow(() -> ProblemException.invalidField("producerId", "es obligatorio"));
        user.requireProducerOrStaff(producer, "Productor", producer);
        UUID organisation = user.organisationId();
        if (!user.isOnlyProducer() && settlements.producerRef(producer)
                .filter(r -> organisation.equals(r.organisationId())).isEmpty()) {
            throw ProblemException.notFound("Productor", producer);
        }
        return settlements.ofProducer(organisation, producer).stream()
                .map(r -> SettlementMapper.statementSummary(producer, r)).toList();
    }

    /**
     * The statements of these producers of a settlement, from five queries whatever their number: lines,
     * deductions, names and buyers of the one producer named, or of the whole settlement when {@code only} is
     * null, and the organisation's name.
     */
    private List<Statement> statements(Settlement s, List<ProducerSettlement> producers, UUID only) {
        Map<UUID, List<Statement.Line>> lines = settlements.lines(s.id, only).stream().collect(Collectors.groupingBy(
                SettlementRepository.LineRow::producerId, Collectors.mapping(SettlementMapper::line,
                        Collectors.toList())));
        Map<UUID, List<Statement.Deduction>> deductions = settlements.deductions(s.id, only).stream()
                .collect(Collectors.groupingBy(SettlementRepository.DeductionRow::producerId, Collectors.mapping(
                        SettlementMapper::deduction, Collectors.toList())));
        Map<UUID, SettlementRepository.ProducerRef> refs = settlements.producerRefs(s.id, only);
        Map<UUID, List<SettlementRepository.OrganisationRef>> buyers = settlements.buyers(s.id, only);
        String organisationName = settlements.organisationName(s.organisationId).orElse(null);
        return producers.stream().map(p -> SettlementMapper.statement(s, organisationName, p, refs.get(p.producerId),
                buyers.getOrDefault(p.producerId, List.of()), lines.getOrDefault(p.producerId, List.of()),
                deductions.getOrDefault(p.producerId, List.of()))).toList();
    }

    private SettlementCalculation.Counts compute(Settlement settlement, SettlementCalculation.Progress progress) {
        boolean earliestOpen = settlements.earlierOpen(settlement.organisationId, settlement.periodStart).isEmpty();
        SettlementCalculation.Counts counts = calculation.compute(settlement.id, settlement.organisationId,
                settlement.periodStart, settlement.periodEnd, earliestOpen, progress);
        settlement.computed(clock.instant());
        return counts;
    }

    /** What payments knows of a producer (name, DNI/RUC), to name a download after them. */
    public Optional<SettlementRepository.ProducerRef> producerRef(UUID producerId) {
        return settlements.producerRef(producerId);
    }

    /**
     * Hands each of the settlement's producers, with the name and DNI payments knows, to {@code each} in producer
     * id order while they are read (never all in memory). In the caller's transaction; {@code s} comes from
     * {@link #get}, which checked access.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void eachProducer(Settlement s, Consumer<SettlementRepository.NamedProducerRow> each) {
        try (var producers = settlements.namedProducers(s.id)) {
            producers.forEach(each);
        }
    }
}

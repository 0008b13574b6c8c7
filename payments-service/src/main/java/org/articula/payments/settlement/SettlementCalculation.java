package org.articula.payments.settlement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Computes an OPEN settlement by the rules of docs/settlement-rules.md, in set-based SQL: one statement per
 * rule, never a loop over lots, in the order the rules apply ({@link #computeInOneTransaction}). Every amount
 * is rounded once, HALF_UP to céntimos; totals are sums of rounded lines (R11). The statements live in
 * {@code src/main/resources/settlement/}, a file per rule ({@link SettlementSql}).
 *
 * <p>The lots are read and priced once: each statement that writes lines also adds what it wrote, per
 * producer and agreement, to a temporary table of the run ({@code run_totals}), and the bonus, the
 * penalty and the producers' totals are taken from there instead of reading the lines back. A run writes
 * no line per lot: it adds up what they would be into {@code run_totals}, and closing writes them once
 * ({@link #writeLotLines}, docs/decisions/0036); until then readers compute them (view statement_line).
 */
@ApplicationScoped
public class SettlementCalculation {

    /** The steps a computation reports, in order. */
    public static final int STEPS = 7;

    // Sorting and grouping a fortnight's lots (300,000 for 10,000 producers) in memory, not on disk.
    private static final String ENOUGH_MEMORY = "set local work_mem = '64MB'";
    // Names the settlement computed: the triggers keeping closed settlements unchanged (V10) then check it
    // once per statement instead of each of its lines.
    private static final String NAME_THE_SETTLEMENT = "select set_config('articula.computing_settlement', cast(:s as text), true)";
    private static final String[] PREVIOUS_RESULT = {
            "delete from settlement_deduction where settlement_id = :s",
            "delete from settlement_producer where settlement_id = :s",
            "delete from settlement_line where settlement_id = :s" };
    // What each statement writes, per producer and agreement; dropped when the transaction ends (a
    // computation is one transaction). accepted is the quantity of LOT lines, null for other lines; quantity
    // that of LOT and REJECTED lines (R3 only).
    private static final String RUN_TOTALS = """
            create temp table run_totals (producer_id uuid not null, agreement_id uuid not null,
                accepted numeric, amount numeric not null, lines int not null, quantity numeric) on commit drop""";
    private static final String LOCK_ACTIVE_CHARGES = "select id from charge where organisation_id = :org and status = 'ACTIVE' for share";

    @Inject
    EntityManager em;
    @Inject
    AmountsOutOfRange outOfRange;

    /** What a computation touched, for the run's report. */
    public record Counts(int lotLines, int adjustments, int producers, int deductions) {
    }

    /** Told after each step, with its name and how long it took. */
    @FunctionalInterface
    public interface Progress {
        void step(String name, long millis);
    }

    /** The settlement computed and its fortnight: what the statements' parameters name. */
    record Computation(UUID settlementId, UUID organisationId, LocalDate start, LocalDate end) {

        Object parameter(String name) {
            return switch (name) {
                case "s" -> settlementId;
                case "org" -> organisationId;
                case "start" -> start;
                case "end" -> end;
                default -> throw new IllegalArgumentException("no settlement parameter :" + name);
            };
        }
    }

    /**
     * Computes the settlement in the caller's transaction. When an amount exceeds what a settlement stores, the
     * refusal names the lots or producers that made it (and the caller's transaction is to be rolled back).
     */
    public Counts compute(UUID settlementId, UUID organisationId, LocalDate start, LocalDate end, boolean earliestOpen,
            Progress progress) {
        try {
            return computeInOneTransaction(new Computation(settlementId, organisationId, start, end), earliestOpen,
                    new Steps(progress));
        } catch (PersistenceException e) {
            if (AmountsOutOfRange.isOverflow(e)) {
                throw outOfRange.refusal(organisationId, start, end);
            }
            throw e;
        }
    }

    /** The rules in the order they apply; each step names the rule it applies. */
    private Counts computeInOneTransaction(Computation run, boolean earliestOpen, Steps steps) {
        startAfresh(run);
        steps.done("cleared");
        int lotLines = lotLines(run);
        steps.done("lot lines");
        int adjustments = earliestOpen ? adjustments(run) : 0;
        steps.done("adjustments");
        volumeBonus(run);
        incentives(run); // reported with the volume bonus: runs report 7 steps, which clients count on
        steps.done("volume bonus");
        shortfallPenalty(run);
        steps.done("shortfall penalty");
        int producers = grossPerProducer(run);
        steps.done("producer totals");
        int deductions = instalments(run);
        net(run);
        steps.done("deductions");
        return new Counts(lotLines, adjustments, producers, deductions);
    }

    /** R12: a run computes the whole fortnight again, so what an earlier run wrote goes first. */
    private void startAfresh(Computation run) {
        em.createNativeQuery(ENOUGH_MEMORY).executeUpdate();
        bound(NAME_THE_SETTLEMENT, run).getSingleResult();
        for (String delete : PREVIOUS_RESULT) {
            bound(delete, run).executeUpdate();
        }
        em.createNativeQuery(RUN_TOTALS).executeUpdate();
    }

    /** R2, R3: what a line per lot that counts, priced and rounded, adds up to; rejected lots pay nothing. */
    private int lotLines(Computation run) {
        return count(SettlementSql.LOT_TOTALS, run);
    }

    /** R4: lots of closed fortnights changed since they were paid, adjusted in the earliest open settlement. */
    private int adjustments(Computation run) {
        return count(SettlementSql.ADJUSTMENTS, run);
    }

    /** R5, R6: the highest volume tier reached pays its bonus on all accepted quantity. */
    private void volumeBonus(Computation run) {
        bound(SettlementSql.VOLUME_BONUS, run).executeUpdate();
    }

    /** R5, R13: an acceptance streak in the fortnights before pays its bonus on this fortnight's accepted quantity. */
    private void incentives(Computation run) {
        bound(SettlementSql.INCENTIVES, run).executeUpdate();
    }

    /** R5, R7: each unit below commitment x (1 - tolerance) is charged the penalty. */
    private void shortfallPenalty(Computation run) {
        bound(SettlementSql.SHORTFALL_PENALTY, run).executeUpdate();
    }

    /** R8: gross per producer, each agreement's lines clamped at 0, and the due date. */
    private int grossPerProducer(Computation run) {
        return bound(SettlementSql.GROSS_PER_PRODUCER, run).executeUpdate();
    }

    /** R9: due instalments, oldest first, applied up to the gross; the rest carries over. */
    private int instalments(Computation run) {
        return bound(SettlementSql.INSTALMENTS, run).executeUpdate();
    }

    /** R10: net = gross - deductions. */
    private void net(Computation run) {
        bound(SettlementSql.NET, run).executeUpdate();
    }

    private int count(String sql, Computation run) {
        return ((Number) bound(sql, run).getSingleResult()).intValue();
    }

    /** The statement with each parameter it names bound to the computation's value. */
    private Query bound(String sql, Computation run) {
        Query query = em.createNativeQuery(sql);
        for (Parameter<?> parameter : query.getParameters()) {
            query.setParameter(parameter.getName(), run.parameter(parameter.getName()));
        }
        return query;
    }

    /** Reports each step with how long it took since the previous one. */
    private static final class Steps {
        private final Progress progress;
        private long since = System.nanoTime();

        Steps(Progress progress) {
            this.progress = progress;
        }

        void done(String step) {
            long now = System.nanoTime();
            progress.step(step, (now - since) / 1_000_000);
            since = now;
        }
    }

    /** R9 on closing: holds the organisation's active charges, so none is cancelled while it is being recovered. */
    public void lockActiveCharges(UUID organisationId) {
        em.createNativeQuery(LOCK_ACTIVE_CHARGES).setParameter("org", organisationId).getResultList();
    }

    /**
     * R3 on closing, right after its last computation and before it is closed: the line of each lot that
     * counts, as the open settlement showed it and the computation added it up.
     */
    public void writeLotLines(UUID settlementId) {
        em.createNativeQuery(SettlementSql.LOT_LINES).setParameter("s", settlementId).executeUpdate();
    }

    /**
     * R4, R12 on closing: the lots this settlement paid for are settled at the revision it used, and what it
     * paid for each is added to what closed settlements paid for it.
     */
    public void markSettled(UUID settlementId) {
        em.createNativeQuery(SettlementSql.LOTS_SETTLED).setParameter("s", settlementId).executeUpdate();
    }
}

package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Computes an OPEN settlement in set-based SQL, by the rules in design.md (one statement per rule,
 * never a loop over lots): lot lines, adjustments for lots changed after their fortnight closed,
 * volume bonus and shortfall penalty, per-producer gross, instalments applied oldest first, net.
 * Every amount is rounded once, HALF_UP to céntimos; totals are sums of rounded lines.
 *
 * <p>The lots are read and priced once: each statement that writes lines also adds what it wrote, per
 * producer and agreement, to a temporary table of the run ({@code run_totals}), and the bonus, the
 * penalty and the producers' totals are taken from there instead of reading the lines back.
 */
@ApplicationScoped
public class SettlementCalculation {

    @Inject
    EntityManager em;
    @Inject
    AmountsOutOfRange outOfRange;

    /** What a computation touched, for the run's report. */
    public record Counts(int lotLines, int adjustments, int producers, int deductions) {
    }

    // Lots with their unit price: base price of the version they were judged by, plus every adjustment
    // of that version whose [from, to) holds the lot's reading of the parameter; one grouped join. Each
    // adjustment's JSON (the statement's evidence) is built once, on the adjustment's side of the outer
    // join, not once per lot.
    static String pricedLots(String where) {
        return """
                select l.*, v.base_price + coalesce(sum(a.amount_per_unit), 0) as unit_price,
                       coalesce(jsonb_agg(a.applied order by a.seq) filter (where a.seq is not null), '[]'::jsonb)
                           as applied
                from lot_ref l
                join terms_version v on v.agreement_id = l.agreement_id and v.number = l.agreement_version
                left join (select pa.*, jsonb_build_object('parameter', pa.parameter, 'from', pa.from_value,
                               'to', pa.to_value, 'amountPerUnit', pa.amount_per_unit) as applied
                           from price_adjustment pa) a
                     on a.agreement_id = l.agreement_id and a.version_number = l.agreement_version
                     and jsonb_typeof(l.readings -> a.parameter) = 'number'
                     and (a.from_value is null or (l.readings ->> a.parameter)::numeric >= a.from_value)
                     and (a.to_value is null or (l.readings ->> a.parameter)::numeric < a.to_value)
                """ + " where " + where + " group by l.id, v.agreement_id, v.number";
    }

    /** Told after each step, with its name and how long it took. */
    @FunctionalInterface
    public interface Progress {
        void step(String name, long millis);
    }

    /** The steps a computation reports, in order. */
    public static final int STEPS = 7;

    // The last day of the fortnight the agreement was in force (terms are taken from it), and how many
    // days of the fortnight it was in force (a per-day commitment counts those).
    private static final String LAST_DAY_IN_FORCE = """
            coalesce((select max(least(cast(p ->> 'to' as date), cast(:end as date)))
                      from jsonb_array_elements(a.periods_in_force) p
                      where cast(p ->> 'from' as date) <= cast(:end as date)
                        and cast(p ->> 'to' as date) >= cast(:start as date)), least(cast(:end as date), a.end_date))""";
    private static final String DAYS_IN_FORCE = """
            (select coalesce(sum(greatest(0, least(cast(p ->> 'to' as date), cast(:end as date))
                                     - greatest(cast(p ->> 'from' as date), cast(:start as date)) + 1)), 0)
             from jsonb_array_elements(a.periods_in_force) p)""";
    // Per producer and agreement with accepted lots, their quantity.
    private static final String ACCEPTED = """
            select producer_id, agreement_id, accepted from run_totals where accepted is not null""";

    /**
     * Computes the settlement in the caller's transaction. When an amount exceeds what a settlement stores, the
     * refusal names the lots or producers that made it (and the caller's transaction is to be rolled back).
     */
    public Counts compute(UUID settlementId, UUID organisationId, LocalDate start, LocalDate end, boolean earliestOpen,
            Progress progress) {
        try {
            return computeInOneTransaction(settlementId, organisationId, start, end, earliestOpen, progress);
        } catch (PersistenceException e) {
            if (AmountsOutOfRange.isOverflow(e)) {
                throw outOfRange.refusal(organisationId, start, end);
            }
            throw e;
        }
    }

    private Counts computeInOneTransaction(UUID settlementId, UUID organisationId, LocalDate start, LocalDate end,
            boolean earliestOpen, Progress progress) {
        long t = System.nanoTime();
        // Sorting and grouping a fortnight's lots (300,000 for 10,000 producers) in memory, not on disk.
        em.createNativeQuery("set local work_mem = '64MB'").executeUpdate();
        // Names the settlement computed: the triggers keeping closed settlements unchanged (V10) then check
        // it once per statement instead of each of its lines.
        em.createNativeQuery("select set_config('articula.computing_settlement', cast(:s as text), true)")
                .setParameter("s", settlementId).getSingleResult();
        for (String table : new String[] { "settlement_deduction", "settlement_producer", "settlement_line" }) {
            em.createNativeQuery("delete from " + table + " where settlement_id = :s").setParameter("s", settlementId)
                    .executeUpdate();
        }
        // What each statement below writes, per producer and agreement; dropped when the transaction ends
        // (a computation is one transaction). accepted is the quantity of LOT lines, null for other lines.
        em.createNativeQuery("""
                create temp table run_totals (producer_id uuid not null, agreement_id uuid not null,
                    accepted numeric, amount numeric not null, lines int not null) on commit drop""").executeUpdate();
        t = report(progress, "cleared", t);

        // Written in producer order, so the index by (settlement, producer) grows at its end. The lot's
        // readings and reasons are copied as they are; the statement puts them into the line's detail.
        int lotLines = ((Number) em.createNativeQuery("""
                with line as (
                    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision,
                        delivery_date, shift, quantity, unit_price, amount, readings, reasons, adjustments)
                    select :s, p.producer_id, p.agreement_id,
                           case when p.verdict = 'ACCEPTED' then 'LOT' else 'REJECTED' end,
                           p.id, p.revision, p.delivery_date, p.shift, p.quantity,
                           case when p.verdict = 'ACCEPTED' then p.unit_price end,
                           case when p.verdict = 'ACCEPTED' then round(p.quantity * p.unit_price, 2) else 0 end,
                           p.readings, p.reasons, case when p.verdict = 'ACCEPTED' then p.applied else '[]'::jsonb end
                    from (""" + pricedLots("l.organisation_id = :org and l.delivery_date between :start and :end"
                        + " and l.status = 'RECORDED'") + """
                    ) p
                    order by p.producer_id
                    returning producer_id, agreement_id, kind, quantity, amount),
                total as (
                    insert into run_totals (producer_id, agreement_id, accepted, amount, lines)
                    select producer_id, agreement_id, sum(quantity) filter (where kind = 'LOT'), sum(amount), count(*)
                    from line group by producer_id, agreement_id
                    returning lines)
                select coalesce(sum(lines), 0) from total
                """).setParameter("s", settlementId).setParameter("org", organisationId)
                .setParameter("start", start).setParameter("end", end).getSingleResult()).intValue();
        t = report(progress, "lot lines", t);

        // A lot of a closed fortnight whose current amount differs from what closed settlements paid for
        // it (corrected, voided, or recorded late) is adjusted here, in the earliest open settlement.
        // What closed settlements paid for a lot is kept on the lot (settled_amount, see markSettled).
        int adjustments = !earliestOpen ? 0 : ((Number) em.createNativeQuery("""
                with line as (
                    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, lot_id, lot_revision,
                        delivery_date, shift, quantity, unit_price, amount, detail)
                    select :s, p.producer_id, p.agreement_id, 'ADJUSTMENT', p.id, p.revision, p.delivery_date, p.shift,
                           p.quantity, p.unit_price, p.now_amount - coalesce(p.settled_amount, 0),
                           jsonb_build_object('previouslyPaid', coalesce(p.settled_amount, 0), 'now', p.now_amount,
                               'status', p.status, 'verdict', p.verdict, 'readings', p.readings)
                    from (select q.*, case when q.status = 'RECORDED' and q.verdict = 'ACCEPTED'
                                           then round(q.quantity * q.unit_price, 2) else 0 end as now_amount
                          from (""" + pricedLots("l.organisation_id = :org and l.delivery_date < :start"
                        + " and (l.settled_revision is null or l.settled_revision < l.revision)") + """
                          ) q) p
                    join settlement closed on closed.organisation_id = p.organisation_id and closed.status = 'CLOSED'
                         and p.delivery_date between closed.period_start and closed.period_end
                    where p.now_amount <> coalesce(p.settled_amount, 0)
                    returning producer_id, agreement_id, amount),
                total as (
                    insert into run_totals (producer_id, agreement_id, amount, lines)
                    select producer_id, agreement_id, amount, 1 from line
                    returning lines)
                select count(*) from total
                """).setParameter("s", settlementId).setParameter("org", organisationId)
                .setParameter("start", start).getSingleResult()).intValue();
        t = report(progress, "adjustments", t);

        // Volume bonus and shortfall penalty, per producer and agreement, from the terms in force on the
        // fortnight's last day (or the agreement's, if it ends first). The bonus of the highest tier
        // reached applies to all accepted quantity; the penalty to each unit below commitment x
        // (1 - tolerance), for agreements with one producer (a group's commitment is the group's). The
        // threshold is exact (at most 7 decimals, no division), so the penalty is rounded once, as its amount.
        em.createNativeQuery("""
                with line as (
                    insert into settlement_line (settlement_id, producer_id, agreement_id, kind, quantity, unit_price,
                        amount, detail)
                    select :s, q.producer_id, q.agreement_id, 'VOLUME_BONUS', q.accepted, t.bonus_per_unit,
                           round(q.accepted * t.bonus_per_unit, 2),
                           jsonb_build_object('tierMinimum', t.min_quantity, 'version', v.number)
                    from (""" + ACCEPTED + """
                    ) q
                    join agreement_ref a on a.id = q.agreement_id
                    join terms_version v on v.agreement_id = a.id
                         and """ + " " + LAST_DAY_IN_FORCE + " " + """
                         between v.effective_from and v.effective_to
                    join lateral (select * from volume_tier vt
                                  where vt.agreement_id = v.agreement_id and vt.version_number = v.number
                                    and vt.min_quantity <= q.accepted
                                  order by vt.min_quantity desc limit 1) t on true
                    returning producer_id, agreement_id, amount)
                insert into run_totals (producer_id, agreement_id, amount, lines)
                select producer_id, agreement_id, amount, 1 from line
                """).setParameter("s", settlementId).setParameter("start", start).setParameter("end", end)
                .executeUpdate();
        t = report(progress, "volume bonus", t);
        em.createNativeQuery("""
                with line as (
                insert into settlement_line (settlement_id, producer_id, agreement_id, kind, quantity, unit_price, amount,
                    detail)
                select :s, c.producer_id, c.agreement_id, 'SHORTFALL_PENALTY', c.threshold - c.accepted,
                       c.shortfall_penalty, -round((c.threshold - c.accepted) * c.shortfall_penalty, 2),
                       jsonb_build_object('committed', c.commitment,
                           'threshold', round(c.threshold, greatest(3, scale(trim_scale(c.threshold)))),
                           'accepted', c.accepted, 'version', c.number)
                from (select a.producer_id, a.agreement_id, v.number, v.shortfall_penalty,
                             coalesce(q.accepted, 0) as accepted,
                             v.committed_quantity * case when v.commitment_per = 'DAY' then a.days else 1 end
                                 as commitment,
                             v.committed_quantity * case when v.commitment_per = 'DAY' then a.days else 1 end
                                 * (100 - v.tolerance_percent) * 0.01 as threshold
                      from (select a.id as agreement_id, a.producer_id, """ + " " + DAYS_IN_FORCE + " " + """
                     as days,
                                   """ + " " + LAST_DAY_IN_FORCE + " " + """
                     as last_day
                            from agreement_ref a
                            where a.organisation_id = :org and a.counterparty_type = 'PRODUCER'
                              and a.start_date <= :end and a.end_date >= :start and a.status <> 'DRAFT') a
                      join terms_version v on v.agreement_id = a.agreement_id
                           and a.last_day between v.effective_from and v.effective_to
                      left join (""" + ACCEPTED + """
                      ) q on q.producer_id = a.producer_id and q.agreement_id = a.agreement_id
                      where a.days > 0 and v.committed_quantity is not null and v.shortfall_penalty is not null) c
                where c.accepted < c.threshold
                returning producer_id, agreement_id, amount)
                insert into run_totals (producer_id, agreement_id, amount, lines)
                select producer_id, agreement_id, amount, 1 from line
                """).setParameter("s", settlementId).setParameter("org", organisationId)
                .setParameter("start", start).setParameter("end", end).executeUpdate();
        t = report(progress, "shortfall penalty", t);

        // Gross per producer: the sum over agreements of each agreement's lines, none below 0. Due on
        // the fortnight's last day plus the shortest payment term among them.
        int producers = em.createNativeQuery("""
                insert into settlement_producer (settlement_id, producer_id, gross, deductions, net, due_date)
                select :s, g.producer_id, sum(g.gross), 0, sum(g.gross), cast(:end as date) + min(v.payment_term_days)
                from (select x.producer_id, x.agreement_id, greatest(sum(x.amount), 0) as gross
                      from run_totals x
                      group by x.producer_id, x.agreement_id) g
                join agreement_ref a on a.id = g.agreement_id
                join terms_version v on v.agreement_id = a.id
                     and """ + " " + LAST_DAY_IN_FORCE + " " + """
                     between v.effective_from and v.effective_to
                group by g.producer_id
                """).setParameter("s", settlementId).setParameter("start", start).setParameter("end", end)
                .executeUpdate();
        t = report(progress, "producer totals", t);

        // Instalments due by this fortnight and not yet recovered by closed settlements, oldest first
        // (carried-over first), applied up to each producer's gross; the rest carries to the next.
        int deductions = em.createNativeQuery("""
                insert into settlement_deduction (settlement_id, producer_id, charge_id, instalment, due, applied, carried)
                select :s, d.producer_id, d.charge_id, d.number, d.remaining,
                       least(d.remaining, greatest(coalesce(sp.gross, 0) - d.before, 0)),
                       d.remaining - least(d.remaining, greatest(coalesce(sp.gross, 0) - d.before, 0))
                from (select c.producer_id, i.charge_id, i.number, i.amount - coalesce(r.applied, 0) as remaining,
                             coalesce(sum(i.amount - coalesce(r.applied, 0)) over (partition by c.producer_id
                                 order by i.due_from, c.charge_date, c.created_at, c.id, i.number
                                 rows between unbounded preceding and 1 preceding), 0) as before
                      from instalment i
                      join charge c on c.id = i.charge_id
                      left join (select sd.charge_id, sd.instalment, sum(sd.applied) as applied
                                 from settlement_deduction sd join settlement s on s.id = sd.settlement_id
                                 where s.id <> :s and (s.status = 'CLOSED' or s.period_start < :start)
                                 group by sd.charge_id, sd.instalment) r
                             on r.charge_id = i.charge_id and r.instalment = i.number
                      where c.organisation_id = :org and c.status = 'ACTIVE' and i.due_from <= :start
                        and i.amount - coalesce(r.applied, 0) > 0) d
                left join settlement_producer sp on sp.settlement_id = :s and sp.producer_id = d.producer_id
                """).setParameter("s", settlementId).setParameter("org", organisationId)
                .setParameter("start", start).executeUpdate();
        em.createNativeQuery("""
                update settlement_producer sp set deductions = d.applied, net = sp.gross - d.applied
                from (select producer_id, sum(applied) as applied from settlement_deduction where settlement_id = :s
                      group by producer_id) d
                where sp.settlement_id = :s and sp.producer_id = d.producer_id
                """).setParameter("s", settlementId).executeUpdate();
        report(progress, "deductions", t);

        return new Counts(lotLines, adjustments, producers, deductions);
    }

    private static long report(Progress progress, String step, long since) {
        long now = System.nanoTime();
        progress.step(step, (now - since) / 1_000_000);
        return now;
    }

    /** Closing holds the organisation's active charges, so none is cancelled while it is being recovered. */
    public void lockActiveCharges(UUID organisationId) {
        em.createNativeQuery("select id from charge where organisation_id = :org and status = 'ACTIVE' for share")
                .setParameter("org", organisationId).getResultList();
    }

    /**
     * On closing: the lots this settlement paid for are settled at the revision it used, and what it paid
     * for each (a lot has one line in a settlement) is added to what closed settlements paid for it.
     */
    public void markSettled(UUID settlementId) {
        em.createNativeQuery("""
                update lot_ref l set settled_revision = x.lot_revision,
                    settled_amount = coalesce(l.settled_amount, 0) + x.amount
                from settlement_line x
                where x.settlement_id = :s and x.lot_id = l.id and x.kind in ('LOT', 'REJECTED', 'ADJUSTMENT')
                """).setParameter("s", settlementId).executeUpdate();
    }
}

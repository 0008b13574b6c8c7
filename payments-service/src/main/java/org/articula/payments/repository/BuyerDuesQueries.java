package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a buyer owes per fortnight, supplying organisation and product: one grouped query for any range. */
@ApplicationScoped
public class BuyerDuesQueries {

    // The fortnight of a day, and the last day of the fortnight starting on a day.
    private static final String FORTNIGHT_OF = """
            case when extract(day from %1$s) < 16 then date_trunc('month', %1$s)::date
                 else date_trunc('month', %1$s)::date + 15 end""";
    private static final String FORTNIGHT_END = """
            case when extract(day from %1$s) = 1 then %1$s + 14
                 else (date_trunc('month', %1$s) + interval '1 month')::date - 1 end""";

    /**
     * Per fortnight, organisation and product: lots delivered under the buyer's agreements, what the
     * settlement owes for them, the due date from the terms, and what the buyer remitted.
     */
    private static final String DUES = """
            with ag as (
                select a.id, a.organisation_id, a.product, a.unit, a.end_date
                from agreement_ref a
                where a.buyer_id = :buyer and (:all or a.organisation_id = :only)),
            orgs as (select distinct organisation_id from ag),
            delivered as (
                select l.agreement_id, %1$s as period_start, count(*) as lots, sum(l.quantity) as delivered,
                       coalesce(sum(l.quantity) filter (where l.verdict = 'ACCEPTED'), 0) as accepted
                from lot_ref l
                where l.organisation_id in (select organisation_id from orgs)
                  and l.delivery_date between :start and :end and l.status = 'RECORDED'
                  and l.agreement_id in (select id from ag)
                group by 1, 2),
            owed as (
                select g.agreement_id, g.period_start, sum(g.gross) as gross
                from (select x.agreement_id, s.period_start, greatest(sum(x.amount), 0) as gross
                      from settlement s
                      -- per settlement, so an open one prices only its own lots (decision 0036)
                      cross join lateral (select * from statement_line x where x.settlement_id = s.id offset 0) x
                      where s.organisation_id in (select organisation_id from orgs)
                        and s.period_start between :start and :end and x.agreement_id in (select id from ag)
                      group by x.agreement_id, s.period_start, x.producer_id) g
                group by 1, 2),
            per_agreement as (
                select coalesce(d.agreement_id, o.agreement_id) as agreement_id,
                       coalesce(d.period_start, o.period_start) as period_start, coalesce(d.lots, 0) as lots,
                       coalesce(d.delivered, 0) as delivered, coalesce(d.accepted, 0) as accepted, o.gross
                from delivered d full join owed o on o.agreement_id = d.agreement_id
                     and o.period_start = d.period_start),
            lines as (
                select a.organisation_id, a.product, a.unit, p.period_start, sum(p.lots) as lots,
                       sum(p.delivered) as delivered, sum(p.accepted) as accepted, sum(p.gross) as gross,
                       min(f.period_end + t.payment_term_days) as due_date, min(t.currency) as currency
                from per_agreement p
                join ag a on a.id = p.agreement_id
                cross join lateral (select %2$s as period_end) f
                left join lateral (select v.payment_term_days, v.currency from terms_version v
                                   where v.agreement_id = a.id
                                     and v.effective_from <= least(f.period_end, a.end_date)
                                   order by v.effective_from desc limit 1) t on true
                group by 1, 2, 3, 4),
            paid as (
                select r.organisation_id, r.product, r.unit, r.period_start, sum(r.amount) as amount,
                       max(r.received_on) as last
                from remittance r
                where r.buyer_id = :buyer and (:all or r.organisation_id = :only)
                  and r.period_start between :start and :end
                group by 1, 2, 3, 4)
            select coalesce(l.period_start, p.period_start), coalesce(l.organisation_id, p.organisation_id), o.name,
                   coalesce(l.product, p.product), coalesce(l.unit, p.unit), coalesce(l.lots, 0),
                   coalesce(l.delivered, 0), coalesce(l.accepted, 0), s.status,
                   case when s.id is not null then coalesce(l.gross, 0) end, l.due_date, l.currency,
                   coalesce(p.amount, 0), p.last
            from lines l
            full join paid p on p.organisation_id = l.organisation_id and p.product = l.product
                 and p.unit = l.unit and p.period_start = l.period_start
            left join settlement s on s.organisation_id = coalesce(l.organisation_id, p.organisation_id)
                 and s.period_start = coalesce(l.period_start, p.period_start)
            left join organisation_ref o on o.id = coalesce(l.organisation_id, p.organisation_id)
            order by 1 desc, 3, 2, 4, 5""".formatted(FORTNIGHT_OF.formatted("l.delivery_date"),
            FORTNIGHT_END.formatted("p.period_start"));

    @Inject
    EntityManager em;

    /**
     * @param amountOwed       the settlement's gross for these lines; null when the fortnight has none
     * @param settlementStatus OPEN or CLOSED; null when the organisation has not run the fortnight
     */
    public record Row(LocalDate periodStart, UUID organisationId, String organisationName, String product, String unit,
            long lots, BigDecimal delivered, BigDecimal accepted, String settlementStatus, BigDecimal amountOwed,
            LocalDate dueDate, String currency, BigDecimal remitted, LocalDate lastRemittedOn) {
    }

    /** Whether the organisation has (or had) any agreement with this buyer. */
    public boolean supplies(UUID organisationId, UUID buyerId) {
        return !em
                .createNativeQuery(
                        "select 1 from agreement_ref where organisation_id = :org and buyer_id = :buyer limit 1")
                .setParameter("org", organisationId).setParameter("buyer", buyerId).getResultList().isEmpty();
    }

    /**
     * The buyer's dues in the fortnights from {@code start} to {@code end} (whole fortnights), newest first, of
     * every supplying organisation, or of {@code only} that one when it is not null. Delivered and accepted
     * quantities from the lots (voided ones left out); the amount owed as reconciliation reads it from the
     * settlement: each producer's lines per agreement, never below 0; the due date from the terms in force on
     * the fortnight's last day (or the agreement's, if it ends first); remittances as recorded.
     */
    @SuppressWarnings("unchecked")
    public List<Row> dues(UUID buyerId, UUID only, LocalDate start, LocalDate end) {
        List<Object[]> rows = em.createNativeQuery(DUES)
                .setParameter("buyer", buyerId).setParameter("all", only == null)
                .setParameter("only", only == null ? buyerId : only)
                .setParameter("start", start).setParameter("end", end).getResultList();
        return rows.stream().map(r -> new Row(toDate(r[0]), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                ((Number) r[5]).longValue(), (BigDecimal) r[6], (BigDecimal) r[7], (String) r[8], money(r[9]),
                toDate(r[10]), (String) r[11], money(r[12]), toDate(r[13]))).toList();
    }

    // Céntimos, also for the zeros the query writes where there is nothing.
    private static BigDecimal money(Object value) {
        return value == null ? null : ((BigDecimal) value).setScale(2);
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}

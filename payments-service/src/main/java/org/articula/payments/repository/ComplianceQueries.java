package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.ComplianceScope;
import org.articula.payments.settlement.SettlementSql;

/**
 * The compliance monitor's figures (docs/decisions/0027-compliance-monitor.md), each one set-based query over
 * the agreements a {@link Scope} names and a range of fortnights: never a query per agreement or fortnight.
 * Lots are looked up by organisation and delivery date, the index settlements use.
 */
@ApplicationScoped
public class ComplianceQueries {

    /** The agreements a scope names, as the caller may see them: not drafts. */
    private static final String AGREEMENTS = """
            select a.* from agreement_ref a
            where a.status <> 'DRAFT'
              and ((:asOrganisation and a.organisation_id = :caller) or (:asBuyer and a.buyer_id = :caller))
              and (:me = :caller or a.producer_id = :me
                   or a.group_id = (select p.group_id from producer_ref p where p.id = :me))
              and case :scope when 'AGREEMENT' then a.id = :id
                    when 'PRODUCER' then a.producer_id = :id
                         or a.group_id = (select p.group_id from producer_ref p where p.id = :id)
                    when 'NETWORK' then a.group_id = :id
                    when 'BUYER' then a.buyer_id = :id
                    else a.organisation_id = :id end""";
    // Each fortnight of the range with its last day, as R1 counts them.
    private static final String FORTNIGHTS = """
            select d::date as period_start,
                   case when extract(day from d) = 1 then d::date + 14
                        else (date_trunc('month', d) + interval '1 month')::date - 1 end as period_end
            from generate_series(cast(:from as date), cast(:to as date), interval '1 day') d
            where extract(day from d) in (1, 16)""";
    private static final String FORTNIGHT_OF = """
            case when extract(day from l.delivery_date) < 16 then date_trunc('month', l.delivery_date)::date
                 else date_trunc('month', l.delivery_date)::date + 15 end""";

    /** Per agreement and fortnight it was in force: the terms of the fortnight (R5), lots, the buyer's payment. */
    private static final String FIGURES = """
            with ag as (%1$s),
            f as (%2$s),
            af as (
                select a.id as agreement_id, f.period_start, f.period_end, %3$s as days, %4$s as last_day
                from ag a join f on a.start_date <= f.period_end and a.end_date >= f.period_start),
            lots as (
                select l.agreement_id, %5$s as period_start, sum(l.quantity) as delivered,
                       coalesce(sum(l.quantity) filter (where l.verdict = 'ACCEPTED'), 0) as accepted
                from lot_ref l
                where l.organisation_id in (select organisation_id from ag) and l.agreement_id in (select id from ag)
                  and l.status = 'RECORDED' and l.delivery_date between cast(:from as date) and cast(:toEnd as date)
                group by 1, 2),
            paid as (
                select r.organisation_id, r.buyer_id, r.product, r.unit, r.period_start, max(r.received_on) as last
                from remittance r
                where r.buyer_id in (select buyer_id from ag)
                  and r.period_start between cast(:from as date) and cast(:to as date)
                group by 1, 2, 3, 4, 5)
            select x.agreement_id, x.period_start, x.period_end, v.number,
                   v.committed_quantity * case when v.commitment_per = 'DAY' then x.days else 1 end,
                   v.committed_quantity * case when v.commitment_per = 'DAY' then x.days else 1 end
                       * (100 - v.tolerance_percent) * 0.01,
                   coalesce(q.delivered, 0), coalesce(q.accepted, 0), x.period_end + v.payment_term_days, p.last
            from af x
            join ag a on a.id = x.agreement_id
            left join terms_version v on v.agreement_id = x.agreement_id
                 and x.last_day between v.effective_from and v.effective_to
            left join lots q on q.agreement_id = x.agreement_id and q.period_start = x.period_start
            left join paid p on p.organisation_id = a.organisation_id and p.buyer_id = a.buyer_id
                 and p.product = a.product and p.unit = a.unit and p.period_start = x.period_start
            where x.days > 0
            order by x.agreement_id, x.period_start""";

    /**
     * Per agreement, fortnight and numeric quality parameter: the mean reading and the worst one, the reading
     * furthest on the wrong side of its limits (below the minimum, above the maximum: the largest of
     * min - value and value - max), by the limits of the terms version each lot was judged by.
     */
    private static final String QUALITY = """
            with ag as (%1$s)
            select l.agreement_id, %2$s as period_start, q.parameter, count(*),
                   round(avg((l.readings ->> q.parameter)::numeric), 3),
                   (array_agg((l.readings ->> q.parameter)::numeric
                       order by greatest(q.min_value - (l.readings ->> q.parameter)::numeric,
                                         (l.readings ->> q.parameter)::numeric - q.max_value) desc nulls last))[1]
            from lot_ref l
            join quality_limit q on q.agreement_id = l.agreement_id and q.version_number = l.agreement_version
            where l.organisation_id in (select organisation_id from ag) and l.agreement_id in (select id from ag)
              and l.status = 'RECORDED' and l.delivery_date between cast(:from as date) and cast(:toEnd as date)
              and jsonb_typeof(l.readings -> q.parameter) = 'number'
            group by 1, 2, 3
            order by 1, 2, 3""";

    /**
     * Per agreement, calendar month it was in force and kind of assistance its clause version in force on the
     * month's last day in force promises: the visits promised and the deliveries recorded in the month.
     */
    private static final String ASSISTANCE = """
            with ag as (%1$s),
            m as (
                select d::date as month_start, (d + interval '1 month' - interval '1 day')::date as month_end
                from generate_series(cast(:from as date), cast(:to as date), interval '1 month') d),
            am as (
                select a.id as agreement_id, m.month_start, %2$s as days, %3$s as last_day
                from ag a join m on a.start_date <= m.month_end and a.end_date >= m.month_start),
            done as (
                select d.agreement_id, date_trunc('month', d.delivered_on)::date as month_start, d.kind,
                       count(*) as delivered
                from assistance_delivered d
                where d.agreement_id in (select id from ag)
                  and d.delivered_on between cast(:from as date) and cast(:toEnd as date)
                group by 1, 2, 3)
            select x.agreement_id, x.month_start, p.kind, p.visits_per_month, coalesce(q.delivered, 0)
            from am x
            join terms_version v on v.agreement_id = x.agreement_id
                 and x.last_day between v.effective_from and v.effective_to
            join assistance_promise p on p.agreement_id = v.agreement_id and p.version_number = v.number
            left join done q on q.agreement_id = x.agreement_id and q.month_start = x.month_start and q.kind = p.kind
            where x.days > 0
            order by 1, 2, 3""";

    private static final String AGREEMENT_ROWS = """
            with ag as (%s)
            select a.id, a.organisation_id, a.buyer_id, a.counterparty_type, coalesce(a.producer_id, a.group_id),
                   a.product, a.unit, a.status, coalesce(p.name, g.name), o.name, b.name
            from ag a
            left join producer_ref p on p.id = a.producer_id
            left join organisation_ref g on g.id = a.group_id
            left join organisation_ref o on o.id = a.organisation_id
            left join organisation_ref b on b.id = a.buyer_id
            order by a.start_date, a.id""";

    private static final String RULES = """
            with ag as (%s)
            select r.agreement_id, r.version_number, r.kind, r.consecutive_fortnights, r.min_acceptance_percent,
                   r.bonus_per_unit, r.action
            from incentive_rule r where r.agreement_id in (select id from ag)
            order by r.agreement_id, r.version_number, r.seq""";

    private static final String NOTICES = """
            with ag as (%s)
            select n.id, n.agreement_id, n.period_start, n.rule, n.action, cast(n.figures as text), n.raised_at
            from compliance_notice n
            where n.agreement_id in (select id from ag) and n.period_start between cast(:from as date) and cast(:to as date)
            order by n.period_start, n.agreement_id, n.rule""";

    private static final String RAISE = """
            insert into compliance_notice (id, organisation_id, agreement_id, period_start, rule, action, figures,
                raised_at) values (:id, :org, :agreement, :start, :rule, :action, cast(:figures as jsonb), :at)
            on conflict (agreement_id, period_start, rule) do nothing""";

    @Inject
    EntityManager em;

    /**
     * Which agreements a request is about, as the caller may see them: {@code scope} and its {@code id}; those of the caller's organisation when
     * {@code asOrganisation}, those the caller buys under when {@code asBuyer}; a producer's own (theirs or their
     * network's) when {@code ownProducer} is not null.
     */
    public record Scope(ComplianceScope scope, UUID id, UUID caller, boolean asOrganisation, boolean asBuyer,
            UUID ownProducer) {

        /** Every agreement of an organisation, as the organisation sees them. */
        public static Scope organisation(UUID organisationId) {
            return new Scope(ComplianceScope.ORGANISATION, organisationId, organisationId, true, false, null);
        }
    }

    /** The names are as contracts-service last announced them; null until it has. */
    public record AgreementRow(UUID id, UUID organisationId, UUID buyerId, String counterpartyType,
            UUID counterpartyId, String product, String unit, String status, String counterpartyName,
            String organisationName, String buyerName) {
    }

    /** committed and threshold are null when the terms commit to no quantity. */
    public record FiguresRow(UUID agreementId, LocalDate periodStart, LocalDate periodEnd, Integer version,
            BigDecimal committed, BigDecimal threshold, BigDecimal delivered, BigDecimal accepted, LocalDate dueDate,
            LocalDate paidOn) {
    }

    public record QualityRow(UUID agreementId, LocalDate periodStart, String parameter, long readings,
            BigDecimal mean, BigDecimal worst) {
    }

    public record RuleRow(UUID agreementId, int version, String kind, int consecutiveFortnights,
            BigDecimal minAcceptancePercent, BigDecimal bonusPerUnit, String action) {
    }

    public record AssistanceRow(UUID agreementId, LocalDate monthStart, String kind, int promised,
            int delivered) {
    }

    public record NoticeRow(UUID id, UUID agreementId, LocalDate periodStart, String rule, String action,
            String figures, Instant raisedAt) {
    }

    @SuppressWarnings("unchecked")
    public List<AgreementRow> agreements(Scope scope) {
        List<Object[]> rows = bound(AGREEMENT_ROWS.formatted(AGREEMENTS), scope).getResultList();
        return rows.stream().map(r -> new AgreementRow((UUID) r[0], (UUID) r[1], (UUID) r[2], (String) r[3],
                (UUID) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                (String) r[10])).toList();
    }

    /** Fortnights from {@code from} to {@code to} (their first days), each agreement's in force, oldest first. */
    @SuppressWarnings("unchecked")
    public List<FiguresRow> figures(Scope scope, LocalDate from, LocalDate to, LocalDate toEnd) {
        String sql = FIGURES.formatted(AGREEMENTS, FORTNIGHTS,
                SettlementSql.partFor("days-in-force", "f.period_start", "f.period_end"),
                SettlementSql.partFor("last-day-in-force", "f.period_start", "f.period_end"), FORTNIGHT_OF);
        List<Object[]> rows = ranged(bound(sql, scope), from, to, toEnd).getResultList();
        return rows.stream().map(r -> new FiguresRow((UUID) r[0], date(r[1]), date(r[2]),
                r[3] == null ? null : ((Number) r[3]).intValue(), (BigDecimal) r[4], (BigDecimal) r[5],
                (BigDecimal) r[6], (BigDecimal) r[7], date(r[8]), date(r[9]))).toList();
    }

    @SuppressWarnings("unchecked")
    public List<QualityRow> quality(Scope scope, LocalDate from, LocalDate toEnd) {
        Query query = bound(QUALITY.formatted(AGREEMENTS, FORTNIGHT_OF), scope).setParameter("from", from)
                .setParameter("toEnd", toEnd);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new QualityRow((UUID) r[0], date(r[1]), (String) r[2],
                ((Number) r[3]).longValue(), (BigDecimal) r[4], (BigDecimal) r[5])).toList();
    }

    /** Each month from {@code from} to {@code to} (first days of months), ending {@code toEnd}. */
    @SuppressWarnings("unchecked")
    public List<AssistanceRow> assistance(Scope scope, LocalDate from, LocalDate to, LocalDate toEnd) {
        String sql = ASSISTANCE.formatted(AGREEMENTS,
                SettlementSql.partFor("days-in-force", "m.month_start", "m.month_end"),
                SettlementSql.partFor("last-day-in-force", "m.month_start", "m.month_end"));
        List<Object[]> rows = ranged(bound(sql, scope), from, to, toEnd).getResultList();
        return rows.stream().map(r -> new AssistanceRow((UUID) r[0], date(r[1]), (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    public List<RuleRow> rules(Scope scope) {
        List<Object[]> rows = bound(RULES.formatted(AGREEMENTS), scope).getResultList();
        return rows.stream().map(r -> new RuleRow((UUID) r[0], ((Number) r[1]).intValue(), (String) r[2],
                ((Number) r[3]).intValue(), (BigDecimal) r[4], (BigDecimal) r[5], (String) r[6])).toList();
    }

    @SuppressWarnings("unchecked")
    public List<NoticeRow> notices(Scope scope, LocalDate from, LocalDate to) {
        Query query = bound(NOTICES.formatted(AGREEMENTS), scope).setParameter("from", from).setParameter("to", to);
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new NoticeRow((UUID) r[0], (UUID) r[1], date(r[2]), (String) r[3],
                (String) r[4], (String) r[5], instant(r[6]))).toList();
    }

    /** Records a notice once per agreement, fortnight and rule: whether it is new. */
    public boolean raise(UUID id, UUID organisationId, UUID agreementId, LocalDate periodStart, String rule,
            String action, String figures, Instant at) {
        return em.createNativeQuery(RAISE).setParameter("id", id).setParameter("org", organisationId)
                .setParameter("agreement", agreementId).setParameter("start", periodStart).setParameter("rule", rule)
                .setParameter("action", action).setParameter("figures", figures).setParameter("at", at)
                .executeUpdate() == 1;
    }

    private Query bound(String sql, Scope scope) {
        return em.createNativeQuery(sql).setParameter("asOrganisation", scope.asOrganisation())
                .setParameter("asBuyer", scope.asBuyer()).setParameter("caller", scope.caller())
                .setParameter("me", scope.ownProducer() == null ? scope.caller() : scope.ownProducer())
                .setParameter("scope", scope.scope().name()).setParameter("id", scope.id());
    }

    private static Query ranged(Query query, LocalDate from, LocalDate to, LocalDate toEnd) {
        return query.setParameter("from", from).setParameter("to", to).setParameter("toEnd", toEnd);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        return value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
    }
}

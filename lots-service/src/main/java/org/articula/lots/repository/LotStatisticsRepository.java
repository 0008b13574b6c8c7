package org.articula.lots.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.rest.dto.DailyTotal;
import org.articula.lots.rest.dto.QualityTrendPoint;

/** Totals for charts, each one grouped query over the organisation's recorded (not voided) lots. */
@ApplicationScoped
public class LotStatisticsRepository {

    @Inject
    EntityManager em;

    /** Per day and product, at one centre or (centreId null) at all of the organisation's. */
    @SuppressWarnings("unchecked")
    public List<DailyTotal> daily(UUID organisationId, UUID centreId, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                select delivery_date, product, unit, count(*),
                       count(*) filter (where verdict = 'REJECTED'),
                       sum(quantity), coalesce(sum(quantity) filter (where verdict = 'ACCEPTED'), 0)
                from lot
                where organisation_id = :org and delivery_date between :from and :to and status = 'RECORDED'
                  and (cast(:centre as uuid) is null or centre_id = cast(:centre as uuid))
                group by delivery_date, product, unit
                order by delivery_date, product, unit""")
                .setParameter("org", organisationId).setParameter("centre", centreId == null ? null : centreId.toString())
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new DailyTotal(day(r[0]), (String) r[1], (String) r[2],
                ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), scale3(r[5]), scale3(r[6]))).toList();
    }

    /**
     * Per network and fortnight ([1st, 16th) and [16th, 1st)), the quantity-weighted average of a numeric
     * reading; lots without that reading do not count.
     */
    @SuppressWarnings("unchecked")
    public List<QualityTrendPoint> qualityTrend(UUID organisationId, String parameter, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("""
                with reading as (
                    select p.group_id,
                           case when extract(day from l.delivery_date) < 16 then date_trunc('month', l.delivery_date)
                                else date_trunc('month', l.delivery_date) + interval '15 days' end::date as fortnight,
                           l.quantity, cast(r ->> 'value' as numeric) as value
                    from lot l
                    join producer_ref p on p.id = l.producer_id
                    cross join lateral jsonb_array_elements(l.readings) r
                    where l.organisation_id = :org and l.delivery_date between :from and :to
                      and l.status = 'RECORDED' and r ->> 'parameter' = :parameter
                      and jsonb_typeof(r -> 'value') = 'number')
                select group_id, fortnight, count(*), sum(quantity), sum(quantity * value) / nullif(sum(quantity), 0)
                from reading
                group by group_id, fortnight
                order by fortnight, group_id nulls last""")
                .setParameter("org", organisationId).setParameter("parameter", parameter)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new QualityTrendPoint((UUID) r[0], day(r[1]),
                ((Number) r[2]).longValue(), scale3(r[3]),
                r[4] == null ? null : ((BigDecimal) r[4]).setScale(2, RoundingMode.HALF_UP))).toList();
    }

    // Hibernate hands dates back as LocalDate or java.sql.Date depending on the column's expression.
    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static BigDecimal scale3(Object value) {
        return ((BigDecimal) value).setScale(3, RoundingMode.HALF_UP);
    }
}

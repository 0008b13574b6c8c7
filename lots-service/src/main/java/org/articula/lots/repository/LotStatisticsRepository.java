package org.articula.lots.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Totals for charts, each one grouped query over the organisation's recorded (not voided) lots. Rows come back
 * as the database gives them; LotStatistics shapes them for the answer.
 */
@ApplicationScoped
public class LotStatisticsRepository {

    @Inject
    EntityManager em;

    /**
     * Per day and product, at one centre or (centreId null) at all of the organisation's: day, product, unit,
     * lots, rejected lots, quantity, accepted quantity.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> daily(UUID organisationId, UUID centreId, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
                select delivery_date, product, unit, count(*),
                       count(*) filter (where verdict = 'REJECTED'),
                       sum(quantity), coalesce(sum(quantity) filter (where verdict = 'ACCEPTED'), 0)
                from lot
                where organisation_id = :org and delivery_date between :from and :to and status = 'RECORDED'
                  and (cast(:centre as uuid) is null or centre_id = cast(:centre as uuid))
                group by delivery_date, product, unit
                order by delivery_date, product, unit""")
                .setParameter("org", organisationId)
                .setParameter("centre", centreId == null ? null : centreId.toString())
                .setParameter("from", from).setParameter("to", to).getResultList();
    }

    /**
     * Per network and fortnight ([1st, 16th) and [16th, 1st)), the quantity-weighted average of a numeric
     * reading; lots without that reading do not count: group, fortnight, lots, quantity, weighted average.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> qualityTrend(UUID organisationId, String parameter, LocalDate from, LocalDate to) {
        return em.createNativeQuery("""
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
    }
}

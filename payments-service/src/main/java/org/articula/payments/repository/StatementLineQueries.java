package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What producers' statements say about given lots: one query for any number of lots. */
@ApplicationScoped
public class StatementLineQueries {

    /**
     * The lines of each lot asked for, in the order asked, then by fortnight. A lot is found by its id in the read
     * model and its lines through the settlements of its organisation from its fortnight on (its own, and the later
     * ones an adjustment lands in), by (settlement, producer): lines have no index by lot, which keeps a run's writes
     * cheap (V7). An open settlement's lot lines are computed from the lot itself (statement_line, decision 0036):
     * offset 0 keeps the lookup a subquery per lot, so the lot and its producer reach lot_ref instead of the whole
     * fortnight being priced.
     */
    private static final String LINES = """
            select l.lot_id, l.lot_revision, l.producer_id, r.name, s.id, s.period_start, s.period_end, s.status,
                   l.kind, l.delivery_date, l.quantity, a.unit, l.unit_price, l.amount, p.due_date, p.paid_on
            from unnest(cast(:lots as uuid[])) with ordinality as asked(id, position)
            join lot_ref lot on lot.id = asked.id
            join settlement s on s.organisation_id = lot.organisation_id and s.period_end >= lot.delivery_date
            cross join lateral (select * from statement_line x
                                where x.settlement_id = s.id and x.producer_id = lot.producer_id and x.lot_id = lot.id
                                offset 0) l
            left join settlement_producer p on p.settlement_id = s.id and p.producer_id = l.producer_id
            left join producer_ref r on r.id = l.producer_id
            left join agreement_ref a on a.id = l.agreement_id
            where lot.organisation_id = :org and (cast(:producer as uuid) is null or lot.producer_id = cast(:producer as uuid))
            order by asked.position, s.period_start, case l.kind when 'ADJUSTMENT' then 2 else 1 end""";

    @Inject
    EntityManager em;

    /** A statement line about a lot, with its settlement and the producer's payout in it. */
    public record LotLineRow(UUID lotId, Integer revision, UUID producerId, String producerName, UUID settlementId,
            LocalDate periodStart, LocalDate periodEnd, String settlementStatus, String kind, LocalDate deliveryDate,
            BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal amount, LocalDate dueDate,
            LocalDate paidOn) {
    }

    /**
     * The statement lines of these lots in the organisation's settlements, or only of the lots of {@code producerId}
     * when given; lots of another organisation or producer, or unknown, have none.
     */
    @SuppressWarnings("unchecked")
    public List<LotLineRow> linesOf(List<UUID> lots, UUID organisationId, UUID producerId) {
        List<Object[]> rows = em.createNativeQuery(LINES).setParameter("lots", lots.toArray(UUID[]::new))
                .setParameter("org", organisationId).setParameter("producer", producerId).getResultList();
        return rows.stream().map(r -> new LotLineRow((UUID) r[0], r[1] == null ? null : ((Number) r[1]).intValue(),
                (UUID) r[2], (String) r[3], (UUID) r[4], Rows.date(r[5]), Rows.date(r[6]), (String) r[7],
                (String) r[8], Rows.date(r[9]), (BigDecimal) r[10], (String) r[11], (BigDecimal) r[12],
                (BigDecimal) r[13], Rows.date(r[14]), Rows.date(r[15]))).toList();
    }
}

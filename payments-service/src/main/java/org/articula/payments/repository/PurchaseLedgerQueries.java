package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Purchase settlements ("liquidaciones de compra", V16): issuing them when a settlement closes, and the purchase
 * ledger read from them in one query.
 */
@ApplicationScoped
public class PurchaseLedgerQueries {

    // Takes count numbers of the organisation's series, locking its row until the closing commits or rolls back.
    private static final String RESERVE = """
            insert into purchase_settlement_series (organisation_id, series, last_number) values (:org, :series, :count)
            on conflict (organisation_id, series)
            do update set last_number = purchase_settlement_series.last_number + excluded.last_number
            returning last_number""";

    private static final String ISSUE = """
            insert into purchase_settlement (organisation_id, series, number, settlement_id, producer_id, national_id,
                producer_name, issued_on, gross)
            select :org, :series, i.number, :s, i.producer_id, r.national_id, r.name, :on, p.gross
            from unnest(cast(:producers as uuid[]), cast(:numbers as int[])) as i(producer_id, number)
            join settlement_producer p on p.settlement_id = :s and p.producer_id = i.producer_id
            join producer_ref r on r.id = i.producer_id""";

    /**
     * Per purchase settlement of the period and product: the producer's gross for that product, the sum over the
     * producer's agreements for it of each agreement's lines clamped at 0 (as R8 makes the gross, so a producer's
     * rows sum to its gross), and the quantity of its accepted lots. Purchase settlements are issued on closing, so
     * their lines are all stored (settlement_line, not the view statement_line: decision 0036).
     */
    private static final String LEDGER = """
            with issued as (
                select ps.*, s.period_start, s.period_end
                from purchase_settlement ps join settlement s on s.id = ps.settlement_id
                where ps.organisation_id = :org and s.period_start >= :from and s.period_end <= :to),
            per_agreement as (
                select l.settlement_id, l.producer_id, l.agreement_id, greatest(sum(l.amount), 0) as amount,
                       coalesce(sum(l.quantity) filter (where l.kind = 'LOT'), 0) as quantity
                from issued i join settlement_line l on l.settlement_id = i.settlement_id
                     and l.producer_id = i.producer_id
                group by l.settlement_id, l.producer_id, l.agreement_id)
            select i.producer_id, i.national_id, i.producer_name, a.product, a.unit, sum(g.quantity), sum(g.amount),
                   i.series, i.number, i.issued_on, i.period_start, i.period_end, i.settlement_id, i.gross
            from issued i
            join per_agreement g on g.settlement_id = i.settlement_id and g.producer_id = i.producer_id
            join agreement_ref a on a.id = g.agreement_id
            group by i.producer_id, i.national_id, i.producer_name, a.product, a.unit, i.series, i.number,
                     i.issued_on, i.period_start, i.period_end, i.settlement_id, i.gross
            having sum(g.amount) > 0
            order by i.period_start, i.series, i.number, a.product, a.unit""";

    @Inject
    EntityManager em;

    /** A producer of a settlement with a positive gross, and the document payments-service knows them by. */
    public record Candidate(UUID producerId, String nationalId, String name) {
    }

    /** The settlement's producers with a positive gross, by name as statements are printed, then by id. */
    @SuppressWarnings("unchecked")
    public List<Candidate> withPositiveGross(UUID settlementId) {
        List<Object[]> rows = em.createNativeQuery("""
                select p.producer_id, r.national_id, r.name
                from settlement_producer p join producer_ref r on r.id = p.producer_id
                where p.settlement_id = :s and p.gross > 0
                order by r.name, p.producer_id""").setParameter("s", settlementId).getResultList();
        return rows.stream().map(r -> new Candidate((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Takes {@code count} (at least 1) numbers of the organisation's series: answers the last number issued before. */
    public int reserve(UUID organisationId, String series, int count) {
        Number last = (Number) em.createNativeQuery(RESERVE).setParameter("org", organisationId)
                .setParameter("series", series).setParameter("count", count).getSingleResult();
        return last.intValue() - count;
    }

    /** Issues the purchase settlements: each producer with its number, in one statement. */
    public void issue(UUID organisationId, UUID settlementId, String series, LocalDate issuedOn, List<UUID> producers,
            List<Integer> numbers) {
        em.createNativeQuery(ISSUE).setParameter("org", organisationId).setParameter("series", series)
                .setParameter("s", settlementId).setParameter("on", issuedOn)
                .setParameter("producers", producers.toArray(UUID[]::new))
                .setParameter("numbers", numbers.toArray(Integer[]::new)).executeUpdate();
    }

    /** One purchase of the ledger: a producer's product in one settlement, with its purchase settlement. */
    public record LedgerRow(UUID producerId, String nationalId, String producerName, String product, String unit,
            BigDecimal quantity, BigDecimal amount, String series, int number, LocalDate issuedOn,
            LocalDate periodStart, LocalDate periodEnd, UUID settlementId, BigDecimal gross) {
    }

    /** The organisation's purchases from small producers in closed fortnights within [from, to]. */
    @SuppressWarnings("unchecked")
    public List<LedgerRow> ledger(UUID organisationId, LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery(LEDGER).setParameter("org", organisationId)
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> new LedgerRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (BigDecimal) r[5], (BigDecimal) r[6], (String) r[7], ((Number) r[8]).intValue(),
                Rows.date(r[9]), Rows.date(r[10]), Rows.date(r[11]), (UUID) r[12], (BigDecimal) r[13])).toList();
    }
}

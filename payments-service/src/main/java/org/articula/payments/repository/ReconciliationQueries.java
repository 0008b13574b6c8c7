package org.articula.payments.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Reconciliation.BuyerFigures;

/** The fortnight's figures per buyer and product, each one grouped query. */
@ApplicationScoped
public class ReconciliationQueries {

    @Inject
    EntityManager em;

    /** Whether the buyer buys under one of the organisation's agreements (any status): whom it reconciles with. */
    public boolean buysFrom(UUID buyerId, UUID organisationId) {
        return !em
                .createNativeQuery("select 1 from agreement_ref where buyer_id = :b and organisation_id = :org limit 1")
                .setParameter("b", buyerId).setParameter("org", organisationId).getResultList().isEmpty();
    }

    /**
     * Accepted quantity collected (lot lines of the settlement), the gross owed for it (each producer's
     * lines per agreement, never below 0, as the settlement computes them; adjustments of earlier
     * fortnights included, as they are paid now), and the buyer's remittances, per buyer and product.
     */
    @SuppressWarnings("unchecked")
    public List<BuyerFigures> perBuyer(UUID settlementId, UUID organisationId, LocalDate start) {
        List<Object[]> rows = em.createNativeQuery("""
                with per_agreement as (
                    -- as the settlement does: each producer's agreement is owed its lines, never below 0
                    select a.buyer_id, a.product, a.unit,
                           coalesce(sum(x.quantity) filter (where x.kind = 'LOT'), 0) as collected,
                           greatest(sum(x.amount), 0) as gross
                    from statement_line x join agreement_ref a on a.id = x.agreement_id
                    where x.settlement_id = :s
                    group by a.buyer_id, a.product, a.unit, x.producer_id, x.agreement_id),
                owed as (
                    select buyer_id, product, unit, sum(collected) as collected, sum(gross) as gross
                    from per_agreement group by buyer_id, product, unit),
                paid as (
                    select buyer_id, product, unit, sum(quantity_paid) as quantity, sum(amount) as amount
                    from remittance where organisation_id = :org and period_start = :start
                    group by buyer_id, product, unit)
                select coalesce(o.buyer_id, p.buyer_id), coalesce(o.product, p.product), coalesce(o.unit, p.unit),
                       coalesce(o.collected, 0), coalesce(p.quantity, 0), coalesce(p.amount, 0), coalesce(o.gross, 0)
                from owed o full join paid p on p.buyer_id = o.buyer_id and p.product = o.product and p.unit = o.unit
                order by 1, 2""")
                .setParameter("s", settlementId).setParameter("org", organisationId).setParameter("start", start)
                .getResultList();
        return rows.stream().map(r -> new BuyerFigures((UUID) r[0], (String) r[1], (String) r[2], (BigDecimal) r[3],
                (BigDecimal) r[4], (BigDecimal) r[5], (BigDecimal) r[6])).toList();
    }
}

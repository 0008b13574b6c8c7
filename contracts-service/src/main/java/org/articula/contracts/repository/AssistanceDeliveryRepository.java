package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.AssistanceDelivery;

@ApplicationScoped
public class AssistanceDeliveryRepository implements PanacheRepositoryBase<AssistanceDelivery, UUID> {

    public List<AssistanceDelivery> ofAgreement(UUID agreementId) {
        return list("agreementId = ?1 order by deliveredOn, recordedAt, id", agreementId);
    }

    /** What a buyer's free deliveries cost over the days given, counting only agreements {@code party} is party to. */
    public FreeCost freeCost(UUID buyerId, UUID party, LocalDate from, LocalDate to) {
        Object[] row = getEntityManager()
                .createQuery("select coalesce(sum(d.cost), 0), count(d) from AssistanceDelivery d "
                        + "where d.buyerId = :buyer and (d.organisationId = :party or d.buyerId = :party) and d.charged = false "
                        + "and d.deliveredOn between :from and :to", Object[].class)
                .setParameter("buyer", buyerId).setParameter("party", party)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
        return new FreeCost(((BigDecimal) row[0]).setScale(2), ((Number) row[1]).longValue());
    }

    /** Whether {@code party} has any agreement with {@code buyerId} as its buyer. */
    public boolean buysFrom(UUID party, UUID buyerId) {
        return getEntityManager().createQuery("select count(a) from Agreement a where a.organisationId = :party "
                + "and a.buyerId = :buyer", Long.class).setParameter("party", party).setParameter("buyer", buyerId)
                .getSingleResult() > 0;
    }

    public record FreeCost(BigDecimal cost, long deliveries) {
    }
}

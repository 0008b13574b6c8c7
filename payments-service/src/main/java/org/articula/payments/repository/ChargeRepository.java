package org.articula.payments.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.Instalment;

@ApplicationScoped
public class ChargeRepository implements PanacheRepositoryBase<Charge, UUID> {

    /** The instalments of these charges, per charge in number order; one query however many charges. */
    public Map<UUID, List<Instalment>> instalments(Collection<UUID> chargeIds) {
        if (chargeIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("from Instalment where chargeId in :c order by chargeId, number", Instalment.class)
                .setParameter("c", chargeIds).getResultStream()
                .collect(Collectors.groupingBy(i -> i.chargeId, Collectors.toList()));
    }

    /** Recovered so far per charge and instalment number: what closed settlements applied; one query. */
    public Map<UUID, Map<Integer, BigDecimal>> recovered(Collection<UUID> chargeIds) {
        Map<UUID, Map<Integer, BigDecimal>> recovered = new HashMap<>();
        if (chargeIds.isEmpty()) {
            return recovered;
        }
        List<?> rows = getEntityManager().createNativeQuery("""
                select sd.charge_id, sd.instalment, sum(sd.applied) from settlement_deduction sd
                join settlement s on s.id = sd.settlement_id and s.status = 'CLOSED'
                where sd.charge_id in (:c) group by sd.charge_id, sd.instalment""").setParameter("c", chargeIds)
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            recovered.computeIfAbsent((UUID) r[0], c -> new HashMap<>()).put(((Number) r[1]).intValue(),
                    (BigDecimal) r[2]);
        }
        return recovered;
    }

    /** Whether payments-service knows the producer as one of the organisation's. */
    public boolean isProducerOf(UUID organisationId, UUID producerId) {
        return !getEntityManager()
                .createNativeQuery("select 1 from producer_ref where id = :p and organisation_id = :org")
                .setParameter("p", producerId).setParameter("org", organisationId).getResultList().isEmpty();
    }

    /**
     * @param agreements how many agreements of the producer (own or its group's) payments-service has received
     * @param max        the largest number of instalments among those in force on the day (active or suspended,
     *                   with a clause version covering it); null when none is
     */
    public record InstalmentCap(long agreements, Integer max) {
    }

    public InstalmentCap instalmentCap(UUID organisationId, UUID producerId, java.time.LocalDate day) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                select count(distinct a.id), max(v.max_instalments) from agreement_ref a
                left join terms_version v on v.agreement_id = a.id and :day between v.effective_from and v.effective_to
                     and a.status in ('ACTIVE', 'SUSPENDED')
                where a.organisation_id = :org
                  and (a.producer_id = :p or a.group_id = (select r.group_id from producer_ref r where r.id = :p))""")
                .setParameter("org", organisationId).setParameter("p", producerId).setParameter("day", day)
                .getSingleResult();
        return new InstalmentCap(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).intValue());
    }

    public List<Charge> ofProducer(UUID organisationId, UUID producerId) {
        return list("organisationId = ?1 and producerId = ?2 order by chargeDate, createdAt", organisationId,
                producerId);
    }
}

package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class AgreementTermsRepository implements PanacheRepositoryBase<AgreementTerms, UUID> {

    /**
     * Every signed agreement that may cover any of these producers or groups: one query for a whole
     * batch, with array parameters so its SQL is planned once.
     */
    @SuppressWarnings("unchecked")
    public List<AgreementTerms> coveringAny(Collection<UUID> producerIds, Collection<UUID> groupIds) {
        if (producerIds.isEmpty() && groupIds.isEmpty()) {
            return List.of();
        }
        if (producerIds.size() <= 1 && groupIds.size() <= 1) {
            // A single lot: HQL without list parameters, translated once and cached.
            return find("status <> 'DRAFT' and (producerId = ?1 or groupId = ?2)", first(producerIds), first(groupIds))
                    .withHint(HibernateHints.HINT_READ_ONLY, true).list();
        }
        return getEntityManager().createNativeQuery("""
                select * from agreement_terms
                where status <> 'DRAFT' and (producer_id = any(?1) or group_id = any(?2))""", AgreementTerms.class)
                .setParameter(1, producerIds.toArray(UUID[]::new))
                .setParameter(2, groupIds.toArray(UUID[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true) // never changed here: no dirty check
                .getResultList();
    }

    // The nil UUID matches nothing.
    private static UUID first(Collection<UUID> ids) {
        return ids.isEmpty() ? new UUID(0, 0) : ids.iterator().next();
    }
}

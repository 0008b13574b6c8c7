package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.AgreementTerms;

@ApplicationScoped
public class AgreementTermsRepository implements PanacheRepositoryBase<AgreementTerms, UUID> {

    /** Every signed agreement that may cover any of these producers or groups: one query for a whole batch. */
    public List<AgreementTerms> coveringAny(Collection<UUID> producerIds, Collection<UUID> groupIds) {
        return find("status <> 'DRAFT' and (producerId in :producers or groupId in :groups)",
                Parameters.with("producers", nonEmpty(producerIds)).and("groups", nonEmpty(groupIds)))
                .withHint(HibernateHints.HINT_READ_ONLY, true).list(); // never changed here: no dirty check
    }

    // "in ()" is not valid SQL; the nil UUID matches nothing.
    private static Collection<UUID> nonEmpty(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }
}

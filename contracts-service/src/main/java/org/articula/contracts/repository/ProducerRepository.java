package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.contracts.domain.Producer;

@ApplicationScoped
public class ProducerRepository implements PanacheRepositoryBase<Producer, UUID> {

    public Optional<Producer> findInOrganisation(UUID organisationId, UUID producerId) {
        return find("id = ?1 and organisationId = ?2", producerId, organisationId).firstResultOptional();
    }

    public Optional<Producer> findByNationalId(UUID organisationId, String number) {
        return find("organisationId = ?1 and nationalId.number = ?2", organisationId, number).firstResultOptional();
    }

    /** Producers of the organisation holding any of these national ids (one query for a whole import). */
    public List<Producer> findByNationalIds(UUID organisationId, Collection<String> numbers) {
        return list("organisationId = ?1 and nationalId.number in ?2", organisationId, numbers);
    }

    public List<Producer> page(UUID organisationId, UUID groupId, int page, int size) {
        Sort byName = Sort.by("name").and("id");
        if (groupId == null) {
            return find("organisationId", byName, organisationId).page(Page.of(page, size)).list();
        }
        return find("organisationId = ?1 and groupId = ?2", byName, organisationId, groupId)
                .page(Page.of(page, size)).list();
    }

    public List<UUID> idsInGroup(UUID groupId) {
        return getEntityManager().createQuery("select p.id from Producer p where p.groupId = :group", UUID.class)
                .setParameter("group", groupId).getResultList();
    }
}

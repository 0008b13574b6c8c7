package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.contracts.domain.Producer;
import org.articula.platform.persistence.Where;

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

    /**
     * A page of the organisation's producers by name; {@code groupId} narrows to one group, {@code ids} (when
     * not empty) to those producers, and a search finds by the words of the name (see {@link Searches}) or by
     * the start of the DNI/RUC.
     */
    public List<Producer> page(UUID organisationId, UUID groupId, String query, Collection<UUID> ids, int page,
            int size) {
        Where where = Where.always("organisationId = :org", "org", organisationId)
                .andIfGiven("groupId = :group", "group", groupId)
                .andIfGiven("id in :ids", "ids", ids == null || ids.isEmpty() ? null : ids);
        String digits = query == null ? "" : query.strip();
        if (digits.matches("\\d{1,11}")) {
            where.and("nationalId.number like :number", "number", digits + "%");
        } else {
            Searches.nameHoldsWords(query, where);
        }
        return find(where.orderBy("name, id"), where.parameters()).page(Page.of(page, size)).list();
    }

    public List<UUID> idsInGroup(UUID groupId) {
        return getEntityManager().createQuery("select p.id from Producer p where p.groupId = :group", UUID.class)
                .setParameter("group", groupId).getResultList();
    }

    /** Each group's producer ids, for all the groups in one query; a group without producers is absent. */
    public Map<UUID, Set<UUID>> idsByGroup(Collection<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select p.groupId, p.id from Producer p where p.groupId in :groups", Object[].class)
                .setParameter("groups", groupIds).getResultStream()
                .collect(Collectors.groupingBy(row -> (UUID) row[0],
                        Collectors.mapping(row -> (UUID) row[1], Collectors.toSet())));
    }
}

package org.articula.lots.repository;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/**
 * Rows of a table by a set of ids in one query whose SQL is the same for one id or ten thousand:
 * {@code id = any(?)} with a UUID array. An HQL {@code id in ?1} list is translated to SQL anew for
 * every request (Hibernate does not cache plans of list parameters), which was most of a single
 * lot's CPU (docs/decisions/0009-benchmarks.md).
 */
final class ByIds {

    private ByIds() {
    }

    /** Read-only entities: the caller looks them up and never changes them in this transaction. */
    @SuppressWarnings("unchecked")
    static <T> List<T> find(EntityManager em, Class<T> type, String table, String column, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("select * from " + table + " where " + column + " = any(?1)", type)
                .setParameter(1, ids.toArray(UUID[]::new))
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }
}

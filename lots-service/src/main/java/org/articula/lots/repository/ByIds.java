package org.articula.lots.repository;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Entities by a set of ids through Hibernate's multi-id loader, which on PostgreSQL is one
 * {@code id = any(?)} query with a UUID array, planned once at start-up for one id or ten thousand.
 * An HQL {@code id in ?1} list is translated to SQL anew for every request (Hibernate does not cache
 * plans of list parameters), and a native query maps its result set anew: either was most of a single
 * lot's CPU (docs/decisions/0009-benchmarks.md).
 */
final class ByIds {

    private ByIds() {
    }

    /** Read-only entities: the caller looks them up and never changes them in this transaction. */
    static <T> List<T> find(EntityManager em, Class<T> type, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.unwrap(Session.class).byMultipleIds(type).withReadOnly(true).multiLoad(new ArrayList<>(ids))
                .stream().filter(Objects::nonNull).toList(); // a missing id comes back as null
    }
}

package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.ProducerRef;

@ApplicationScoped
public class ProducerRefRepository implements PanacheRepositoryBase<ProducerRef, UUID> {

    /** The producers among these ids, read-only. */
    public List<ProducerRef> byIds(Collection<UUID> ids) {
        return ByIds.find(getEntityManager(), ProducerRef.class, ids);
    }
}

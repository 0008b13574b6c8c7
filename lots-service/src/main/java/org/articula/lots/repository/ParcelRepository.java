package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.articula.lots.domain.Parcel;

@ApplicationScoped
public class ParcelRepository implements PanacheRepositoryBase<Parcel, UUID> {

    /** These parcels, by id, in one query; unknown ids are left out. */
    public Map<UUID, Parcel> byIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : list("id in ?1", ids).stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
    }
}

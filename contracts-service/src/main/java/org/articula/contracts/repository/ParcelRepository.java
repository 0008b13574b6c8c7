package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Parcel;

@ApplicationScoped
public class ParcelRepository implements PanacheRepositoryBase<Parcel, UUID> {

    public List<Parcel> ofProducer(UUID producerId) {
        return list("producerId = ?1 order by registeredAt, id", producerId);
    }
}

package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.CollectionCentre;

@ApplicationScoped
public class CentreRepository implements PanacheRepositoryBase<CollectionCentre, UUID> {

    public List<CollectionCentre> ofOrganisation(UUID organisationId) {
        return list("organisationId = ?1 order by name", organisationId);
    }
}

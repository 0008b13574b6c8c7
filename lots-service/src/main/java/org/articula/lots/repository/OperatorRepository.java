package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Operator;

@ApplicationScoped
public class OperatorRepository implements PanacheRepositoryBase<Operator, UUID> {

    public List<Operator> atCentre(UUID centreId) {
        return list("centreId = ?1 order by name", centreId);
    }
}

package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.contracts.domain.Product;

@ApplicationScoped
public class ProductRepository implements PanacheRepositoryBase<Product, UUID> {

    /** A product of the common catalogue or of this buyer's own; the buyer's own wins. */
    public Optional<Product> findAvailableTo(UUID buyerId, String code) {
        return find("code = ?1 and (organisationId is null or organisationId = ?2) order by organisationId nulls last",
                code, buyerId).firstResultOptional();
    }

    public List<Product> listAvailableTo(UUID buyerId) {
        return list("organisationId is null or organisationId = ?1 order by code, organisationId nulls last", buyerId);
    }
}

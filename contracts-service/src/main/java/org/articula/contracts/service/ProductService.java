package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;
import org.articula.contracts.domain.Product;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.repository.ProductRepository;
import org.articula.contracts.rest.dto.ProductRequest;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.problem.ProblemException;

/** The common product catalogue plus the products each buyer defines for itself. */
@ApplicationScoped
public class ProductService {

    @Inject
    ProductRepository products;
    @Inject
    OrganisationService organisations;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    public List<Product> availableTo(UUID organisationId) {
        organisations.own(organisationId);
        return products.listAvailableTo(organisationId);
    }

    /** A product of the common catalogue or the organisation's own, by code; another's is not found. */
    public Product get(UUID organisationId, String code) {
        organisations.own(organisationId);
        return products.findAvailableTo(organisationId, code)
                .orElseThrow(() -> ProblemException.notFound("Producto", code));
    }

    /** Defines a buyer's own product; the same definition again answers with what is stored. */
    @Transactional
    public Created<Product> define(UUID organisationId, ProductRequest request) {
        Organisation buyer = organisations.own(organisationId);
        if (buyer.kind == OrganisationKind.PRODUCER_GROUP) {
            throw ProblemException.invalidField("organisationId", "un grupo de productores no define productos");
        }
        Product existing = products.findAvailableTo(organisationId, request.code()).orElse(null);
        if (existing != null) {
            if (existing.organisationId == null || !existing.unit.equals(request.unit())
                    || !existing.name.equals(request.name().strip())) {
                throw ProblemException.invalidField("code", existing.organisationId == null
                        ? "ya existe en el catálogo común"
                        : "ya definido con otro nombre o unidad");
            }
            return Created.repeat(existing);
        }
        Product product = ContractsMapper.newProduct(organisationId, request, clock.instant());
        products.persist(product);
        audit.record("DEFINED", organisationId, "Product", product.id, java.util.Map.of("code", product.code));
        return Created.first(product);
    }
}

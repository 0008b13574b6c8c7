package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Certificate;

@ApplicationScoped
public class CertificateRepository implements PanacheRepositoryBase<Certificate, UUID> {

    /** In one query, the certificates held by any of these producers or by any of these organisations or networks. */
    public List<Certificate> heldByAny(Collection<UUID> producerIds, Collection<UUID> organisationIds) {
        if (producerIds.isEmpty() || organisationIds.isEmpty()) {
            return producerIds.isEmpty()
                    ? (organisationIds.isEmpty() ? List.of() : list("holderOrganisationId in ?1", organisationIds))
                    : list("producerId in ?1", producerIds);
        }
        return list("producerId in ?1 or holderOrganisationId in ?2", producerIds, organisationIds);
    }
}

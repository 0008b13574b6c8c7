package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Certification;
import org.articula.contracts.domain.Producer;

@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, UUID> {

    /** Those covering a producer: its own, and its organisation's or network's group certificates. */
    public List<Certification> covering(Producer p) {
        return list("producerId = ?1 or holderOrganisationId = ?2 or holderOrganisationId = ?3 "
                + "order by validTo, id", p.id, p.organisationId, p.groupId);
    }

    /** Everything an organisation keeps: its own and its networks' group certificates and its producers'. */
    public List<Certification> keptBy(UUID organisationId) {
        return list("organisationId = ?1 order by validTo, id", organisationId);
    }
}

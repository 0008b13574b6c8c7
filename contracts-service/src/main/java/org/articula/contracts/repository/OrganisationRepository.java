package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;
import org.articula.platform.persistence.Where;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /**
     * The organisation and its producer groups, by name; {@code kind} and a search by the words of the
     * name (see {@link Searches}) narrow it when present.
     */
    public List<Organisation> ownPage(UUID organisationId, OrganisationKind kind, String query, int page,
            int size) {
        Where where = Where.always("(id = :org or parentId = :org)", "org", organisationId)
                .andIfGiven("kind = :kind", "kind", kind);
        Searches.nameHoldsWords(query, where);
        return find(where.orderBy("name, id"), where.parameters()).page(Page.of(page, size)).list();
    }

    /** The organisations that buy under the agreements of the producers of {@code organisationId}. */
    public List<Organisation> buyersOf(UUID organisationId) {
        return list("id in (select a.buyerId from Agreement a where a.organisationId = ?1) order by name, id",
                organisationId);
    }
}

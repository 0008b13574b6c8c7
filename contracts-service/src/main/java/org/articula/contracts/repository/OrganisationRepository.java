package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.domain.OrganisationKind;

@ApplicationScoped
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {

    /**
     * The organisation and its producer groups, by name; {@code kind} and a search by the words of the
     * name (see {@link Searches}) narrow it when present.
     */
    public List<Organisation> ownPage(UUID organisationId, OrganisationKind kind, String query, int page,
            int size) {
        StringBuilder where = new StringBuilder("(id = :org or parentId = :org)");
        Parameters params = Parameters.with("org", organisationId);
        if (kind != null) {
            where.append(" and kind = :kind");
            params.and("kind", kind);
        }
        Searches.nameHoldsWords(query, where, params);
        return find(where + " order by name, id", params).page(Page.of(page, size)).list();
    }

    /** The organisations that buy under the agreements of the producers of {@code organisationId}. */
    public List<Organisation> buyersOf(UUID organisationId) {
        return list("id in (select a.buyerId from Agreement a where a.organisationId = ?1) order by name, id",
                organisationId);
    }
}

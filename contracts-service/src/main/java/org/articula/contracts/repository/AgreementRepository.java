package org.articula.contracts.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.AgreementSearch;
import org.articula.contracts.domain.AgreementStatus;
import org.articula.platform.persistence.Where;

@ApplicationScoped
public class AgreementRepository implements PanacheRepositoryBase<Agreement, UUID> {

    public Optional<Agreement> findWithHistory(UUID id) {
        return find("from Agreement a left join fetch a.versions where a.id = ?1", id).singleResultOptional();
    }

    public List<Agreement> page(AgreementSearch f, int page, int size) {
        Where where = Where.always("(organisationId = :party or buyerId = :party)", "party", f.partyId())
                .andIfGiven("organisationId = :org", "org", f.organisationId())
                .andIfGiven("buyerId = :buyer", "buyer", f.buyerId())
                .andIfGiven("counterparty.producerId = :producer", "producer", f.producerId())
                .andIfGiven("counterparty.groupId = :group", "group", f.groupId())
                .andIfGiven("product = :product", "product", f.product())
                .andIfGiven("status = :status", "status", f.status());
        return find(where.orderBy("startDate desc, id"), where.parameters()).page(Page.of(page, size)).list();
    }

    /**
     * ACTIVE agreements of this buyer for this product whose validity overlaps [from, to] and that
     * cover any of the producer or the groups given: the ones a new activation would collide with.
     */
    public List<Agreement> activeOverlapping(UUID excludedId, UUID buyerId, String product, LocalDate from,
            LocalDate to, List<UUID> producerIds, List<UUID> groupIds) {
        return list("""
                id <> :self and buyerId = :buyer and product = :product and status = :active
                and startDate <= :to and endDate >= :from
                and (counterparty.producerId in :producers or counterparty.groupId in :groups)
                order by startDate""",
                Parameters.with("self", excludedId).and("buyer", buyerId).and("product", product)
                        .and("active", AgreementStatus.ACTIVE).and("from", from).and("to", to)
                        .and("producers", nonEmpty(producerIds)).and("groups", nonEmpty(groupIds)));
    }

    /** Agreements with this product that could cover the producer (directly or through its group). */
    public List<Agreement> coveringCandidates(UUID producerId, UUID groupId, String product, LocalDate day) {
        return list("""
                product = :product and status <> :draft and startDate <= :day and endDate >= :day
                and (counterparty.producerId = :producer or counterparty.groupId in :groups)
                order by startDate, id""",
                Parameters.with("product", product).and("draft", AgreementStatus.DRAFT).and("day", day)
                        .and("producer", producerId)
                        .and("groups", nonEmpty(groupId == null ? List.of() : List.of(groupId))));
    }

    /** Running agreements whose last day of validity is before {@code today}. */
    public List<Agreement> dueToExpire(LocalDate today, int limit) {
        return find("status in ?1 and endDate < ?2 order by endDate, id",
                List.of(AgreementStatus.ACTIVE, AgreementStatus.SUSPENDED), today).page(0, limit).list();
    }

    // "in ()" is not valid SQL; the nil UUID matches nothing.
    private static List<UUID> nonEmpty(List<UUID> ids) {
        return ids.isEmpty() ? List.of(new UUID(0, 0)) : ids;
    }

    /** An organisation's ACTIVE agreements (with their versions, for the clauses in force). */
    public List<Agreement> activeOf(UUID organisationId) {
        return list("organisationId = ?1 and status = ?2 order by id", organisationId, AgreementStatus.ACTIVE);
    }
}

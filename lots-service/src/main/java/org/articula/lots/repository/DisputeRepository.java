package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.Dispute;
import org.articula.lots.domain.DisputeStatus;
import org.articula.platform.persistence.Where;

@ApplicationScoped
public class DisputeRepository implements PanacheRepositoryBase<Dispute, UUID> {

    /** Filters of a listing; null ones do not filter. */
    public record Filter(UUID organisationId, DisputeStatus status, UUID centreId, UUID producerId) {
    }

    public List<Dispute> ofLot(UUID lotId) {
        return list("lotId = ?1 order by openedAt", lotId);
    }

    /**
     * Disputes of the organisation's lots or of lots at its centres, newest first, at most {@code limit}.
     */
    public List<Dispute> search(Filter f, int limit) {
        Where where = Where.always("(organisationId = :org or centreId in "
                + "(select c.id from CollectionCentre c where c.organisationId = :org))", "org", f.organisationId())
                .andIfGiven("status = :status", "status", f.status())
                .andIfGiven("centreId = :centre", "centre", f.centreId())
                .andIfGiven("producerId = :producer", "producer", f.producerId());
        return find(where.orderBy("openedAt desc, id"), where.parameters()).page(0, limit).list();
    }

    /** Open disputes whose deadline has come, oldest first, locked so two runs never decide one twice. */
    public List<Dispute> overdue(Instant now, int limit) {
        return find("status = ?1 and deadline <= ?2 order by deadline, id", DisputeStatus.OPEN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, limit).list();
    }
}

package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.articula.lots.domain.Lot;
import org.articula.lots.domain.LotRevision;
import org.hibernate.Session;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class LotRepository implements PanacheRepositoryBase<Lot, UUID> {

    /** Lots and rejections of one producer or centre, and rejections a dispute overturned (now accepted). */
    public record RateRow(UUID key, long lots, long rejected, long overturned) {
    }

    /**
     * The lots among these ids, read-only (no flush dirty-checks them), through Hibernate's multi-id
     * loader: on PostgreSQL one {@code id = any(?)} query planned at start-up, whatever the number of ids
     * (an HQL {@code id in ?1} list is translated anew for every request).
     */
    public List<Lot> findExisting(Collection<UUID> ids) {
        return getEntityManager().unwrap(Session.class).byMultipleIds(Lot.class).withReadOnly(true)
                .multiLoad(new ArrayList<>(ids)).stream().filter(Objects::nonNull).toList(); // missing ids come back null
    }

    public List<Lot> atCentreOn(UUID centreId, LocalDate day) {
        return list("centreId = ?1 and deliveryDate = ?2 order by deliveredAt, id", centreId, day);
    }

    /** The producer's lots of {@code organisationId} or recorded at its centres. */
    public List<Lot> ofProducer(UUID producerId, LocalDate from, LocalDate to, UUID organisationId) {
        return list("""
                producerId = ?1 and deliveryDate between ?2 and ?3
                and (organisationId = ?4 or centreId in (select c.id from CollectionCentre c where c.organisationId = ?4))
                order by deliveredAt, id""", producerId, from, to, organisationId);
    }

    /**
     * The lot's revisions, oldest first. Revision 1 of a lot never changed is its own row (view lot_history,
     * V7__first_revision_in_the_lot_row.sql), so the revisions come read-only: they are not lot_revision rows.
     */
    @SuppressWarnings("unchecked")
    public List<LotRevision> history(UUID lotId) {
        return getEntityManager()
                .createNativeQuery("select * from lot_history where lot_id = :lot order by revision", LotRevision.class)
                .setParameter("lot", lotId).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /**
     * Recorded (not voided) lots and how many were rejected, per producer or per centre, for an
     * organisation's deliveries in [from, to]; and apart, how many rejections a dispute overturned (those lots
     * are accepted now, so they are not among the rejected). One grouped query.
     */
    public List<RateRow> rejectionRates(UUID organisationId, LocalDate from, LocalDate to, boolean byCentre) {
        String key = byCentre ? "l.centreId" : "l.producerId";
        return getEntityManager().createQuery("select new " + RateRow.class.getName() + "(" + key
                + ", count(*), sum(case when l.figures.verdict = 'REJECTED' then 1 else 0 end),"
                + " sum(case when exists (select 1 from Dispute d where d.lotId = l.id and d.status = 'OVERTURNED')"
                + " then 1 else 0 end)) from Lot l"
                + " where l.organisationId = :org and l.deliveryDate between :from and :to and l.status = 'RECORDED'"
                + " group by " + key + " order by " + key, RateRow.class)
                .setParameter("org", organisationId).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}

package org.articula.lots.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.Shipment;
import org.articula.lots.domain.ShipmentLot;
import org.articula.platform.persistence.Where;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ShipmentRepository implements PanacheRepositoryBase<Shipment, UUID> {

    /** Filters of a listing; null ones do not filter. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(UUID organisationId, UUID centreId, Instant from, Instant to) {
    }

    /** Of these lots, those already in a shipment, with its id. */
    public Map<UUID, UUID> shipmentsOf(Collection<UUID> lotIds) {
        if (lotIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager().createQuery("from ShipmentLot where lotId in :lots", ShipmentLot.class)
                .setParameter("lots", lotIds).getResultList().stream()
                .collect(Collectors.toMap(s -> s.lotId, s -> s.shipmentId));
    }

    /** A lot in a shipment, with the shipment's id and reference. */
    public record PooledLot(UUID lotId, UUID shipmentId, String reference) {
    }

    /**
     * The centre's lots delivered from {@code from} to {@code to} (Lima dates, inclusive) that are in a shipment,
     * in delivery order: one query over the centre's day index and shipment_lot's key.
     */
    public List<PooledLot> pooledAt(UUID centreId, LocalDate from, LocalDate to) {
        return getEntityManager().createQuery("select m.lotId, s.id, s.reference from Lot l, ShipmentLot m, Shipment s"
                + " where l.centreId = :centre and l.deliveryDate between :from and :to and m.lotId = l.id"
                + " and s.id = m.shipmentId order by l.deliveredAt, l.id", Object[].class)
                .setParameter("centre", centreId).setParameter("from", from).setParameter("to", to).getResultList()
                .stream().map(r -> new PooledLot((UUID) r[0], (UUID) r[1], (String) r[2])).toList();
    }

    /** The shipment's lots in the order they were asked for. */
    public List<ShipmentLot> lotsOf(UUID shipmentId) {
        return getEntityManager()
                .createQuery("from ShipmentLot where shipmentId = :s order by position", ShipmentLot.class)
                .setParameter("s", shipmentId).getResultList();
    }

    /** The revision each of the shipment's lots was pooled at, by lot id. */
    @SuppressWarnings("unchecked")
    public Map<UUID, LotRevision> revisionsOf(UUID shipmentId) {
        // lot_history: revision 1 of a lot never changed is the lot row (see LotRepository.history)
        List<LotRevision> revisions = getEntityManager().createNativeQuery("select h.* from lot_history h"
                + " join shipment_lot m on m.lot_id = h.lot_id and m.lot_revision = h.revision where m.shipment_id = :s",
                LotRevision.class).setParameter("s", shipmentId).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
        return revisions.stream().collect(Collectors.toMap(r -> r.lotId, r -> r));
    }

    public void persistLots(List<ShipmentLot> lots) {
        lots.forEach(getEntityManager()::persist);
    }

    /** Shipments the organisation sent (from its centres) or is the buyer of, newest dispatch first. */
    public List<Shipment> search(Filter f, int page, int size) {
        Where where = Where.always("(organisationId = :org or buyerId = :org)", "org", f.organisationId())
                .andIfGiven("centreId = :centre", "centre", f.centreId())
                .andIfGiven("dispatchedAt >= :from", "from", f.from())
                .andIfGiven("dispatchedAt < :to", "to", f.to());
        return find(where.orderBy("dispatchedAt desc, id"), where.parameters()).page(page, size).list();
    }
}

package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * A lot in a shipment, as it stood when pooled: its revision, producer and quantity. Keyed by the lot, so a lot is
 * in one shipment at most, whoever sends it at the same time.
 */
@Entity
@Table(name = "shipment_lot")
public class ShipmentLot {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "shipment_id", nullable = false)
    public UUID shipmentId;

    /** Its place in the request's lotIds, from 0. */
    @Column(nullable = false)
    public int position;

    @Column(name = "lot_revision", nullable = false)
    public int lotRevision;

    @Column(name = "producer_id", nullable = false)
    public UUID producerId;

    @Column(nullable = false)
    public BigDecimal quantity;

    static ShipmentLot of(UUID shipmentId, int position, Lot lot) {
        ShipmentLot s = new ShipmentLot();
        s.lotId = lot.id;
        s.shipmentId = shipmentId;
        s.position = position;
        s.lotRevision = lot.revision;
        s.producerId = lot.producerId;
        s.quantity = lot.figures.quantity;
        return s;
    }
}

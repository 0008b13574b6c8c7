package org.articula.lots.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery as the collection centre's device states it, before it is judged: what a lot is
 * recorded from, and what a retry of the same lot must repeat.
 *
 * @param parcelId the producer's parcel it was harvested from, or null
 */
public record Delivery(UUID id, UUID centreId, UUID operatorId, UUID producerId, String product,
        BigDecimal quantity, String unit, Instant deliveredAt, Shift shift, List<Reading> readings, UUID parcelId) {

    public Delivery(UUID id, UUID centreId, UUID operatorId, UUID producerId, String product, BigDecimal quantity,
            String unit, Instant deliveredAt, Shift shift, List<Reading> readings) {
        this(id, centreId, operatorId, producerId, product, quantity, unit, deliveredAt, shift, readings, null);
    }
}

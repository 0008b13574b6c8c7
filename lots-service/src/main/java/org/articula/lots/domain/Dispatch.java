package org.articula.lots.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request to pool lots into a shipment, as the domain takes it. */
public record Dispatch(UUID id, UUID centreId, UUID buyerId, String reference, Instant dispatchedAt,
        List<UUID> lotIds, List<Loss> losses, String certification) {
}

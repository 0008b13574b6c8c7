package org.articula.lots.domain;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether one lot may enter a shipment: accepted at its current revision, not voided, of the shipment's centre and
 * in no other shipment. Under a certification the shipment is declared in, a lot that cannot be sold under it (its
 * producer's certificate not valid on the delivery day) is refused by the same rule.
 *
 * @param centreId       the shipment's centre
 * @param shippedIn      the lots among those asked for that are already in a shipment, with that shipment's id
 * @param uncertified    under a declared certification, why each lot that cannot be sold under it cannot (flagged,
 *                       or without a valid certificate of that scheme on its delivery day), by lot id
 */
public record LotAdmission(UUID centreId, Map<UUID, UUID> shippedIn, Map<UUID, String> uncertified) {

    /** Why the lot cannot enter, in a sentence naming it; empty when it can. */
    public Optional<String> refusal(Lot lot) {
        if (lot.isVoided()) {
            return Optional.of("el lote " + lot.id + " está anulado");
        }
        if (lot.figures.verdict != Verdict.ACCEPTED) {
            return Optional.of("el lote " + lot.id + " está rechazado (revisión " + lot.revision + ")");
        }
        if (!lot.centreId.equals(centreId)) {
            return Optional.of("el lote " + lot.id + " se recibió en otro centro de acopio");
        }
        UUID other = shippedIn.get(lot.id);
        if (other != null) {
            return Optional.of("el lote " + lot.id + " ya está en el envío " + other);
        }
        return Optional.ofNullable(uncertified.get(lot.id));
    }
}

package org.articula.lots.rest.dto;

import java.util.UUID;

/** A lot already pooled into a shipment: the shipment's id and its reference (guía or plate). */
public record ShippedLot(UUID lotId, UUID shipmentId, String reference) {
}

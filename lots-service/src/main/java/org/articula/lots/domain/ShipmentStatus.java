package org.articula.lots.domain;

/** DISPATCHED until the buyer's result is recorded; then the result's outcome, for good. */
public enum ShipmentStatus {
    DISPATCHED,
    ACCEPTED,
    REJECTED,
    ACCEPTED_WITH_DISCOUNT
}

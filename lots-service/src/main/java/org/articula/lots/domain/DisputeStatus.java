package org.articula.lots.domain;

/** OPEN until re-tested or past its deadline; then UPHELD (the rejection stands) or OVERTURNED (lot accepted). */
public enum DisputeStatus {
    OPEN("abierta"),
    UPHELD("rechazo confirmado"),
    OVERTURNED("rechazo revocado");

    private final String label;

    DisputeStatus(String label) {
        this.label = label;
    }

    /** As a user reads it. */
    public String label() {
        return label;
    }
}

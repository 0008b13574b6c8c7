package org.articula.payments.domain;

/** What a producer took on credit from the organisation. */
public enum ChargeKind {
    FEED, VETERINARY, INSEMINATION, ADVANCE
}

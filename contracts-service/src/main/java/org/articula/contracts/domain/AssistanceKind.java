package org.articula.contracts.domain;

/** What a tractor company provides besides buying. */
public enum AssistanceKind {
    TECHNICAL_VISITS,
    TRAINING,
    VETERINARY_SERVICE,
    INSEMINATION,
    FEED_SUPPLY,
    OTHER
}

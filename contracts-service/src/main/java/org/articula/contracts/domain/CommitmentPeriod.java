package org.articula.contracts.domain;

/** The span a committed quantity refers to. */
public enum CommitmentPeriod {
    DAY,
    FORTNIGHT
}

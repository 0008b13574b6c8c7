package org.articula.contracts.domain;

/** How often producers are paid; fortnightly (days 1-15 and 16-end, Lima time) is the norm. */
public enum PaymentFrequency {
    FORTNIGHTLY
}

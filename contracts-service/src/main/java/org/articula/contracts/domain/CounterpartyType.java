package org.articula.contracts.domain;

/** Who sells under an agreement: one producer, or a producer group ("red") covering its members. */
public enum CounterpartyType {
    PRODUCER,
    PRODUCER_GROUP
}

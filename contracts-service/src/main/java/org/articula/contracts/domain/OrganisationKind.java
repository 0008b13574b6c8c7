package org.articula.contracts.domain;

/** What role an organisation plays in a value chain. */
public enum OrganisationKind {
    /** "Empresa tractora": buys from small producers and develops them (assistance, credit). */
    TRACTOR_COMPANY,
    /** e.g. a dairy plant. */
    PROCESSOR,
    EXPORTER,
    /** Collects from producers and sells on, e.g. to a processor at +5 %. */
    COLLECTOR,
    COOPERATIVE,
    ASSOCIATION,
    /** A "red" of 8-11 producers inside an association; always has a parent. */
    PRODUCER_GROUP;

    public boolean buys() {
        return this == TRACTOR_COMPANY || this == PROCESSOR || this == EXPORTER || this == COLLECTOR;
    }
}

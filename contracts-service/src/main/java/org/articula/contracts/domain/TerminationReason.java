package org.articula.contracts.domain;

/** Why an agreement was broken before its end; the studies show these reasons matter. */
public enum TerminationReason {
    /** The producer left, e.g. to sell direct. */
    PRODUCER_LEFT,
    /** The buyer stopped buying. */
    BUYER_STOPPED,
    /** One side did not honour a clause. */
    BREACH,
    /** Both sides agreed to end it. */
    MUTUAL
}

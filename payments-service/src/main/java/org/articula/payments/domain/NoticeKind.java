package org.articula.payments.domain;

/** What a notice to a producer announces; with its source and producer, it is written once. */
public enum NoticeKind {
    /** A lot's verdict, when recorded or when a correction changed it (source: the lot event). */
    LOT_VERDICT,
    /** The fortnight's net and pay date, when its settlement closes (source: the settlement). */
    SETTLEMENT_CLOSED,
    /** A payout recorded for the producer (source: the settlement). */
    PAYOUT_RECORDED,
    /** A dispute of a rejected lot decided, upheld or overturned (source: the dispute). */
    DISPUTE_DECIDED
}

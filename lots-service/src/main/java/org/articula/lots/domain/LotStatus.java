package org.articula.lots.domain;

/** A voided lot stays on record (and in history) but no longer counts. */
public enum LotStatus {
    RECORDED,
    VOIDED
}

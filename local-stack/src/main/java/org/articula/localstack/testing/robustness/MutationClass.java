package org.articula.localstack.testing.robustness;

/** The kinds of hostile input the suite sends, each counted on its own in the report. */
public enum MutationClass {
    WRONG_TYPE,
    MISSING,
    NULL,
    EMPTY,
    HUGE,
    NEGATIVE_OR_ZERO,
    NAN_INFINITY,
    OVERFLOW,
    DECIMALS,
    CONTROL_CHARACTERS,
    MALFORMED_UUID,
    MALFORMED_DATE,
    ENUM,
    DUPLICATE_KEY,
    CONTENT_TYPE,
    OVERSIZED_BODY,
    CONCURRENCY
}

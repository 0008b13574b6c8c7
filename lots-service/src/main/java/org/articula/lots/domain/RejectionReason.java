package org.articula.lots.domain;

import java.math.BigDecimal;

/**
 * Why a lot failed one parameter: the rule broken, the limit and the reading, and a sentence for
 * the producer's receipt.
 */
public record RejectionReason(String parameter, Code code, BigDecimal limit, BigDecimal value, Boolean result,
        String message) {

    public enum Code {
        MISSING_READING, BELOW_MIN, ABOVE_MAX, FAILED_TEST
    }
}

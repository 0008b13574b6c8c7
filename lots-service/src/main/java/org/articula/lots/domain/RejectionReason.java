package org.articula.lots.domain;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;

/**
 * Why a lot failed one parameter: the rule broken, the limit and the reading, and a sentence for
 * the producer's receipt.
 */
public record RejectionReason(String parameter, Code code,
        @Digits(integer = 8, fraction = 4) BigDecimal limit, @Digits(integer = 8, fraction = 4) BigDecimal value,
        Boolean result,
        String message) {

    public enum Code {
        MISSING_READING,
        BELOW_MIN,
        ABOVE_MAX,
        FAILED_TEST
    }
}

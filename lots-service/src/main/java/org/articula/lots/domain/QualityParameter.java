package org.articula.lots.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;

/**
 * A quality parameter as the agreement states it (lots-service's copy, from contracts events):
 * numeric with inclusive limits, or a boolean test with the result that passes.
 */
public record QualityParameter(String code, String name, String kind, String unit, BigDecimal min, BigDecimal max,
        Boolean passValue, boolean required) {

    @JsonIgnore // behaviour, not a field of the clause
    public boolean isBooleanTest() {
        return "BOOLEAN".equals(kind);
    }
}

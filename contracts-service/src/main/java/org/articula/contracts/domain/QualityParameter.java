package org.articula.contracts.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * One quality parameter. A numeric one has a unit and a minimum and/or maximum (both inclusive);
 * a boolean test names the result that passes (antibiotics: {@code false}, i.e. negative).
 * A required parameter must be read on every lot; a lot missing it is rejected.
 *
 * @param code     stable key the readings use, e.g. {@code total_solids}
 * @param required defaults to true
 */
public record QualityParameter(
        @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "minúsculas, dígitos y _, hasta 40") String code,
        @Size(max = 100) String name,
        @NotNull ParameterKind kind,
        @Size(max = 10) String unit,
        @Digits(integer = 8, fraction = 4) BigDecimal min,
        @Digits(integer = 8, fraction = 4) BigDecimal max,
        Boolean passValue,
        Boolean required) {

    @JsonIgnore // behaviour, not a field of the clause
    public boolean isNumeric() {
        return kind == ParameterKind.NUMERIC;
    }

    QualityParameter withDefaults() {
        return new QualityParameter(code, name == null ? code : name, kind, unit, min, max, passValue,
                required == null ? Boolean.TRUE : required);
    }
}

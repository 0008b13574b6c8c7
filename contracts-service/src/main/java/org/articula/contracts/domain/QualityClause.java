package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** The parameters a lot is judged by: milk solids, temperature, antibiotics test, trout weight... */
public record QualityClause(@NotNull @Size(max = 30) List<@NotNull @Valid QualityParameter> parameters) {

    public Optional<QualityParameter> parameter(String code) {
        return parameters.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    QualityClause withDefaults() {
        return new QualityClause(parameters.stream().map(QualityParameter::withDefaults).toList());
    }
}

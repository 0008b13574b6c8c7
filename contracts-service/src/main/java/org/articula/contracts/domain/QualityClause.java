package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/**
 * The parameters a lot is judged by: milk solids, temperature, antibiotics test, trout weight... and how a
 * rejection is contested: within {@code contestWindowHours} of the lot's recording (48 by default), and
 * whether a dispute nobody re-tested in time is decided for the producer (true by default).
 */
public record QualityClause(
        @NotNull @Size(max = 30) List<@NotNull @Valid QualityParameter> parameters,
        @Min(1) @Max(720) Integer contestWindowHours,
        Boolean untestedDisputeFavoursProducer) {

    public static final int DEFAULT_CONTEST_WINDOW_HOURS = 48;

    /*
     * Defaults here, not in withDefaults(): versions stored before these fields existed are read through this
     * constructor too, so they (and the events that carry them again) state the defaults without a migration.
     */
    public QualityClause {
        contestWindowHours = contestWindowHours == null ? DEFAULT_CONTEST_WINDOW_HOURS : contestWindowHours;
        untestedDisputeFavoursProducer = untestedDisputeFavoursProducer == null || untestedDisputeFavoursProducer;
    }

    /** Parameters only; the dispute terms take their defaults. */
    public QualityClause(List<QualityParameter> parameters) {
        this(parameters, null, null);
    }

    public Optional<QualityParameter> parameter(String code) {
        return parameters.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    QualityClause withDefaults() {
        return new QualityClause(parameters.stream().map(QualityParameter::withDefaults).toList(),
                contestWindowHours, untestedDisputeFavoursProducer);
    }
}

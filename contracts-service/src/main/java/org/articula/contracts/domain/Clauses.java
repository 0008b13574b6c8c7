package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The clause kinds of one agreement version, as negotiated. Immutable: an amendment is a new
 * {@link ClauseVersion} carrying a new {@code Clauses}. Quantity may be absent (no committed volume);
 * assistance may be absent (nothing provided, charges recovered in up to 2 instalments); incentives may be
 * absent (no incentive or sanction rules; versions stored before they existed read as none); certification may be
 * absent (none required; likewise for versions stored before it).
 */
public record Clauses(
        @NotNull @Valid QualityClause quality,
        @Valid QuantityClause quantity,
        @NotNull @Valid PriceClause price,
        @Valid AssistanceClause assistance,
        @Valid IncentiveClause incentives,
        @Valid CertificationClause certification) {

    /** Clauses without incentive or sanction rules. */
    public Clauses(QualityClause quality, QuantityClause quantity, PriceClause price, AssistanceClause assistance) {
        this(quality, quantity, price, assistance, null, null);
    }

    /** Clauses that require no certification. */
    public Clauses(QualityClause quality, QuantityClause quantity, PriceClause price, AssistanceClause assistance,
            IncentiveClause incentives) {
        this(quality, quantity, price, assistance, incentives, null);
    }

    /** The same clauses with every default written out, so stored versions and events say it all. */
    public Clauses withDefaults() {
        return new Clauses(quality.withDefaults(), quantity, price.withDefaults(),
                assistance == null ? AssistanceClause.NONE : assistance.withDefaults(),
                incentives == null ? IncentiveClause.NONE : incentives.withDefaults(),
                certification == null ? CertificationClause.NONE : certification.withDefaults());
    }
}

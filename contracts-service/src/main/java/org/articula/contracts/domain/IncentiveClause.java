package org.articula.contracts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The agreement's incentive and sanction rules, versioned with the other clauses: an amendment that changes
 * them is a new clause version. Empty when the agreement has none.
 */
public record IncentiveClause(@Size(max = 10) List<@NotNull @Valid IncentiveRule> rules) {

    static final IncentiveClause NONE = new IncentiveClause(List.of());

    IncentiveClause withDefaults() {
        return rules == null ? NONE : this;
    }
}

package org.articula.contracts.domain;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The certification an agreement requires of what is delivered under it, versioned with the other clauses: a
 * lot of a producer without a valid certificate of that scheme for the product on the delivery day is flagged
 * (in lots-service). {@code required} null means none; {@code schemeName} names an OTHER scheme and only it.
 * Versions stored before this clause existed read as none required.
 */
public record CertificationClause(CertificationScheme required, @Size(max = 100) String schemeName) {

    static final CertificationClause NONE = new CertificationClause(null, null);

    CertificationClause withDefaults() {
        return required == null
                ? NONE
                : new CertificationClause(required, schemeName == null
                        ? null
                        : schemeName.strip());
    }

    /** What is wrong with it as {field, message} pairs, or nothing. */
    public List<String[]> problems() {
        String problem = required == null ? null : required.nameProblem(schemeName);
        if (required == null && schemeName != null) {
            problem = "solo se indica para una certificación OTHER";
        }
        return problem == null ? List.of() : List.<String[]>of(new String[] { "schemeName", problem });
    }
}

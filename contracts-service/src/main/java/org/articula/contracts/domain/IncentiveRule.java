package org.articula.contracts.domain;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One incentive or sanction rule of an agreement, judged per fortnight by payments-service over the
 * fortnights before (docs/decisions/0027-compliance-monitor.md):
 * <ul>
 * <li>ACCEPTANCE_BONUS: acceptance (accepted / delivered quantity) at least {@code minAcceptancePercent} in
 * each of the last {@code consecutiveFortnights} fortnights earns {@code bonusPerUnit} on the accepted
 * quantity of the next one, e.g. 95 %, 2, S/ 0.02;</li>
 * <li>UNDER_COMMITMENT: accepted quantity below the commitment's threshold in {@code consecutiveFortnights}
 * fortnights in a row gives notice of {@code action}.</li>
 * </ul>
 * The fields a kind does not use are absent (null).
 */
public record IncentiveRule(
        @NotNull IncentiveKind kind,
        @NotNull @Min(1) @Max(6) Integer consecutiveFortnights,
        @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @DecimalMax("100") @Digits(
                integer = 3, fraction = 2) BigDecimal minAcceptancePercent,
        @DecimalMin(value = "0", inclusive = false, message = "debe ser mayor que 0") @Digits(integer = 6,
                fraction = 4) BigDecimal bonusPerUnit,
        SanctionAction action) {

    /**
     * The rules across this rule's fields, as (field, message) pairs: each kind states what it needs and
     * nothing else; an UNDER_COMMITMENT rule needs a commitment to fall under.
     */
    public List<String[]> problems(boolean hasCommitment) {
        List<String[]> problems = new ArrayList<>();
        if (kind == IncentiveKind.ACCEPTANCE_BONUS) {
            requirePresent(problems, "minAcceptancePercent", minAcceptancePercent);
            requirePresent(problems, "bonusPerUnit", bonusPerUnit);
            requireAbsent(problems, "action", action);
        } else if (kind == IncentiveKind.UNDER_COMMITMENT) {
            requirePresent(problems, "action", action);
            requireAbsent(problems, "minAcceptancePercent", minAcceptancePercent);
            requireAbsent(problems, "bonusPerUnit", bonusPerUnit);
            if (!hasCommitment) {
                problems.add(new String[] { "kind",
                        "UNDER_COMMITMENT necesita una cláusula de cantidad con el volumen comprometido" });
            }
        }
        return problems;
    }

    private void requirePresent(List<String[]> problems, String field, Object value) {
        if (value == null) {
            problems.add(new String[] { field, "obligatorio para " + kind });
        }
    }

    private void requireAbsent(List<String[]> problems, String field, Object value) {
        if (value != null) {
            problems.add(new String[] { field, "no corresponde a " + kind });
        }
    }
}

package org.articula.payments.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An incentive or sanction rule of an agreement's clauses (docs/decisions/0027-compliance-monitor.md),
 * judged at the end of a fortnight over the fortnights up to it:
 * <ul>
 * <li>ACCEPTANCE_BONUS: acceptance at least {@code minAcceptancePercent} in each of the last
 * {@code consecutiveFortnights} fortnights earns {@code bonusPerUnit} in the next one (paid by the settlement,
 * R13);</li>
 * <li>UNDER_COMMITMENT: accepted quantity under the commitment's threshold in each of the last
 * {@code consecutiveFortnights} fortnights raises a notice of {@code action} to both parties.</li>
 * </ul>
 */
public record ComplianceRule(String kind, int consecutiveFortnights, BigDecimal minAcceptancePercent,
        BigDecimal bonusPerUnit, String action) {

    public static final String ACCEPTANCE_BONUS = "ACCEPTANCE_BONUS";
    public static final String UNDER_COMMITMENT = "UNDER_COMMITMENT";

    /** What the rule says at the end of a fortnight, with the fortnights' figures that made it say so. */
    public record Outcome(ComplianceRule rule, List<ComplianceFigures> streak) {
    }

    /** Whether the rule moves money (a settlement line) rather than giving notice. */
    public boolean movesMoney() {
        return ACCEPTANCE_BONUS.equals(kind);
    }

    /** How a notice names the rule: kind, streak and action, e.g. UNDER_COMMITMENT/3/SUSPENSION_PROPOSED. */
    public String key() {
        return kind + "/" + consecutiveFortnights + (action == null ? "" : "/" + action);
    }

    /**
     * The rule at the end of the last fortnight of {@code history} (consecutive fortnights, oldest first): met
     * when each of the last {@code consecutiveFortnights} meets the rule's condition; a history shorter than
     * the streak never meets it.
     */
    public Optional<Outcome> evaluate(List<ComplianceFigures> history) {
        if (history.size() < consecutiveFortnights) {
            return Optional.empty();
        }
        List<ComplianceFigures> streak = new ArrayList<>(
                history.subList(history.size() - consecutiveFortnights, history.size()));
        boolean met = streak.stream().allMatch(this::condition);
        return met ? Optional.of(new Outcome(this, List.copyOf(streak))) : Optional.empty();
    }

    private boolean condition(ComplianceFigures f) {
        return switch (kind) {
            case ACCEPTANCE_BONUS -> f.acceptanceAtLeast(minAcceptancePercent);
            case UNDER_COMMITMENT -> f.underCommitment();
            default -> false; // a kind this version does not know is never met
        };
    }
}

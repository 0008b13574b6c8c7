package org.articula.contracts.domain;

/**
 * What an incentive or sanction rule watches. ACCEPTANCE_BONUS moves money (a bonus per unit in the
 * fortnight after a streak of high acceptance); UNDER_COMMITMENT does not (a notice to both parties after a
 * streak of fortnights below the committed quantity's threshold).
 */
public enum IncentiveKind {
    ACCEPTANCE_BONUS,
    UNDER_COMMITMENT
}

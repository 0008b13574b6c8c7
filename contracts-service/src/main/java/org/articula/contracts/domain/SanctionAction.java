package org.articula.contracts.domain;

/** What an UNDER_COMMITMENT rule gives notice of: a warning, or that suspending the agreement is proposed. */
public enum SanctionAction {
    WARNING,
    SUSPENSION_PROPOSED
}

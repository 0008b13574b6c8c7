package org.articula.contracts.domain;

import java.util.EnumSet;
import java.util.Set;

/** Where an agreement is in its life; only the moves listed here are allowed. */
public enum AgreementStatus {
    DRAFT,
    ACTIVE,
    SUSPENDED,
    TERMINATED,
    EXPIRED;

    public Set<AgreementStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(ACTIVE);
            case ACTIVE -> EnumSet.of(SUSPENDED, TERMINATED, EXPIRED);
            case SUSPENDED -> EnumSet.of(ACTIVE, TERMINATED, EXPIRED);
            case TERMINATED, EXPIRED -> EnumSet.noneOf(AgreementStatus.class);
        };
    }

    public boolean canBecome(AgreementStatus target) {
        return next().contains(target);
    }

    /** Signed and not ended: amendments are accepted and the agreement may still be in force. */
    public boolean isRunning() {
        return this == ACTIVE || this == SUSPENDED;
    }
}

package org.articula.platform.inbox;

/** Where a dead letter stands: waiting for its cause to be fixed, or applied since by a re-drive. */
public enum DeadLetterStatus {
    DEAD_LETTERED,
    REDRIVEN
}

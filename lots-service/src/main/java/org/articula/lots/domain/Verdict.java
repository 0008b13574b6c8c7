package org.articula.lots.domain;

public enum Verdict {
    ACCEPTED,
    REJECTED
}

package org.articula.lots.domain;

/** Milk is collected twice a day. */
public enum Shift {
    MORNING,
    AFTERNOON
}

package org.articula.contracts.domain;

/** A measured value with limits (solids %, °C, kg) or a pass/fail test (antibiotics). */
public enum ParameterKind {
    NUMERIC,
    BOOLEAN
}

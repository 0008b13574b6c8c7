package org.articula.contracts.domain;

/**
 * An agreement refused a change: a move its lifecycle does not allow, or a date that breaks its
 * history. {@code field} names the request field at fault, when there is one.
 */
public class AgreementRuleException extends RuntimeException {

    public enum Kind {
        INVALID_TRANSITION,
        INVALID_DATE
    }

    private final Kind kind;
    private final String field;

    public AgreementRuleException(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }
}

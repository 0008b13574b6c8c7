package org.articula.platform.problem;

import java.util.List;

/**
 * Thrown by services for an expected refusal (not found, conflict, business rule); answered as
 * problem+json with its type, detail and, optionally, the offending fields.
 */
public class ProblemException extends RuntimeException {

    private final ProblemKind type;
    private final List<Problem.Violation> violations;

    public ProblemException(ProblemKind type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemKind type, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, what + " " + id + " no existe");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, field + ": " + message,
                List.of(new Problem.Violation(field, message)));
    }

    public ProblemKind type() {
        return type;
    }

    public Problem problem() {
        return Problem.of(type, getMessage()).withViolations(violations);
    }
}

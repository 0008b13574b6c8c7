package org.articula.contracts.domain;

import java.util.List;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;

/** The 400 a domain object answers when input breaks its rules: every violation found, named in the detail too. */
final class Refusals {

    private Refusals() {
    }

    /** Throws a 400 listing {@code violations}, if there are any. */
    static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION, String.join("; ", violations.stream()
                    .map(v -> v.field() + ": " + v.message()).toList()), violations);
        }
    }
}

package org.articula.lots.domain;

import java.util.List;
import java.util.stream.Collectors;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemKind;
import org.articula.platform.problem.ProblemType;

/**
 * A lot refused a change or a delivery its rules do not allow: a voided lot changing (409 lot-voided),
 * figures its quality clause cannot judge (400 naming each field), a delivery under no single agreement
 * in force (422). Answered as problem+json like
 * every refusal, alone or as one lot's outcome in a batch.
 */
public class LotRuleException extends ProblemException {

    private LotRuleException(ProblemKind type, String detail, List<Violation> violations) {
        super(type, detail, violations);
    }

    /** A voided lot never changes again. */
    public static LotRuleException voided(String detail) {
        return new LotRuleException(LotsProblem.LOT_VOIDED, detail, List.of());
    }

    /** A lot its agreement does not allow (no agreement in force, several): the whole lot, with the field to blame. */
    public static LotRuleException refused(LotsProblem problem, String detail, Violation violation) {
        return new LotRuleException(problem, detail, List.of(violation));
    }

    /** A request several of whose items the rules refuse, each named in its violation. */
    public static LotRuleException refused(LotsProblem problem, String detail, List<Violation> violations) {
        return new LotRuleException(problem, detail, violations);
    }

    /** A change the lot's state or its agreement does not allow, as a whole (no field to blame). */
    public static LotRuleException refused(LotsProblem problem, String detail) {
        return new LotRuleException(problem, detail, List.of());
    }

    public static LotRuleException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    public static LotRuleException invalid(List<Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return new LotRuleException(ProblemType.VALIDATION, detail, violations);
    }

    static void refuseIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
    }
}

package org.articula.lots.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.articula.platform.problem.Problem.Violation;

/**
 * Judges a lot's readings against a quality clause: ACCEPTED when every required reading is present
 * and every reading of a clause parameter is within limits; otherwise REJECTED with one reason per
 * failed parameter. Readings of parameters the clause does not name are kept but not judged.
 */
public final class QualityJudge {

    public record Judgement(Verdict verdict, List<RejectionReason> reasons) {
    }

    private QualityJudge() {
    }

    public static Judgement judge(List<QualityParameter> clause, List<Reading> readings) {
        Map<String, Reading> byParameter = readings.stream()
                .collect(Collectors.toMap(Reading::parameter, Function.identity(), (a, b) -> b));
        List<RejectionReason> reasons = new ArrayList<>();
        for (QualityParameter p : clause) {
            Reading r = byParameter.get(p.code());
            boolean absent = r == null || (p.isBooleanTest() ? r.result() == null : r.value() == null);
            if (absent) {
                if (p.required()) {
                    reasons.add(new RejectionReason(p.code(), RejectionReason.Code.MISSING_READING, null, null, null,
                            "falta la lectura de " + p.name()));
                }
                continue;
            }
            if (p.isBooleanTest()) {
                if (!r.result().equals(p.passValue())) {
                    reasons.add(new RejectionReason(p.code(), RejectionReason.Code.FAILED_TEST, null, null, r.result(),
                            p.name() + ": prueba " + (r.result() ? "positiva" : "negativa") + ", no aprobada"));
                }
            } else if (p.min() != null && r.value().compareTo(p.min()) < 0) {
                reasons.add(new RejectionReason(p.code(), RejectionReason.Code.BELOW_MIN, p.min(), r.value(), null,
                        p.name() + " " + r.value().toPlainString() + " " + unit(p) + " bajo el mínimo "
                                + p.min().toPlainString()));
            } else if (p.max() != null && r.value().compareTo(p.max()) > 0) {
                reasons.add(new RejectionReason(p.code(), RejectionReason.Code.ABOVE_MAX, p.max(), r.value(), null,
                        p.name() + " " + r.value().toPlainString() + " " + unit(p) + " sobre el máximo "
                                + p.max().toPlainString()));
            }
        }
        return new Judgement(reasons.isEmpty() ? Verdict.ACCEPTED : Verdict.REJECTED, List.copyOf(reasons));
    }

    private static String unit(QualityParameter p) {
        return p.unit() == null ? "" : p.unit();
    }

    /**
     * What makes readings unfit to be judged by the clause, one violation per field ({@code readings[i].…}):
     * a parameter read twice, a reading with neither value nor result, or a reading of a clause parameter
     * without the kind of value the parameter is judged on (a test's result, a measure's value).
     */
    public static List<Violation> unfit(List<QualityParameter> clause, List<Reading> readings) {
        List<Violation> violations = new ArrayList<>();
        Map<String, QualityParameter> byCode = clause.stream()
                .collect(Collectors.toMap(QualityParameter::code, Function.identity()));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < readings.size(); i++) {
            Reading r = readings.get(i);
            String at = "readings[" + i + "].";
            if (!seen.add(r.parameter())) {
                violations.add(new Violation(at + "parameter", "lectura repetida de " + r.parameter()));
            }
            if (r.value() == null && r.result() == null) {
                violations.add(new Violation(at + "value", "indique value (medida) o result (prueba)"));
                continue;
            }
            QualityParameter p = byCode.get(r.parameter());
            if (p != null && p.isBooleanTest() && r.result() == null) {
                violations
                        .add(new Violation(at + "result", r.parameter() + " es una prueba: indique result true/false"));
            } else if (p != null && !p.isBooleanTest() && r.value() == null) {
                violations.add(new Violation(at + "value", r.parameter() + " se mide: indique value"));
            }
        }
        return violations;
    }
}

package org.articula.lots.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
}

package org.articula.contracts.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.articula.contracts.domain.Clauses;
import org.articula.contracts.domain.IncentiveRule;
import org.articula.contracts.domain.ParameterKind;
import org.articula.contracts.domain.PriceClause;
import org.articula.contracts.domain.QualityAdjustment;
import org.articula.contracts.domain.QualityClause;
import org.articula.contracts.domain.QualityParameter;
import org.articula.contracts.domain.VolumeTier;
import org.articula.platform.problem.Problem.Violation;

/**
 * The rules across fields of a clause set that annotations cannot state: limits that make sense,
 * adjustments on parameters the quality clause defines, no repeated codes or tiers. Runs after
 * bean validation, so required fields are present.
 */
final class ClauseRules {

    private ClauseRules() {
    }

    static List<Violation> check(Clauses clauses, String prefix) {
        List<Violation> violations = new ArrayList<>();
        checkQuality(clauses.quality(), prefix + "quality.", violations);
        checkPrice(clauses.price(), clauses.quality(), prefix + "price.", violations);
        checkIncentives(clauses, prefix + "incentives.rules", violations);
        if (clauses.certification() != null) {
            for (String[] problem : clauses.certification().problems()) {
                violations.add(new Violation(prefix + "certification." + problem[0], problem[1]));
            }
        }
        return violations;
    }

    // Each rule states what its kind needs (IncentiveRule#problems); one rule per kind, streak and action.
    private static void checkIncentives(Clauses clauses, String prefix, List<Violation> violations) {
        List<IncentiveRule> rules = clauses.incentives() == null || clauses.incentives().rules() == null
                ? List.of()
                : clauses.incentives().rules();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            IncentiveRule rule = rules.get(i);
            String at = prefix + "[" + i + "].";
            for (String[] problem : rule.problems(clauses.quantity() != null)) {
                violations.add(new Violation(at + problem[0], problem[1]));
            }
            if (!seen.add(rule.kind() + "/" + rule.consecutiveFortnights() + "/" + rule.action())) {
                violations.add(new Violation(at + "kind", "regla repetida"));
            }
        }
    }

    private static void checkQuality(QualityClause quality, String prefix, List<Violation> violations) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < quality.parameters().size(); i++) {
            QualityParameter p = quality.parameters().get(i);
            String at = prefix + "parameters[" + i + "].";
            if (!codes.add(p.code())) {
                violations.add(new Violation(at + "code", "parámetro repetido: " + p.code()));
            }
            if (p.kind() == ParameterKind.NUMERIC) {
                if (p.unit() == null || p.unit().isBlank()) {
                    violations.add(new Violation(at + "unit", "un parámetro numérico indica su unidad (%, °C, kg...)"));
                }
                if (p.min() == null && p.max() == null) {
                    violations.add(new Violation(at + "min", "indique un mínimo, un máximo o ambos"));
                }
                if (p.min() != null && p.max() != null && p.min().compareTo(p.max()) > 0) {
                    violations.add(new Violation(at + "min", "el mínimo " + p.min().toPlainString()
                            + " es mayor que el máximo " + p.max().toPlainString()));
                }
                if (p.passValue() != null) {
                    violations.add(new Violation(at + "passValue", "solo para pruebas BOOLEAN"));
                }
            } else {
                if (p.passValue() == null) {
                    violations.add(new Violation(at + "passValue",
                            "una prueba BOOLEAN indica el resultado que aprueba (antibióticos: false)"));
                }
                if (p.min() != null || p.max() != null) {
                    violations.add(new Violation(at + "min", "una prueba BOOLEAN no tiene mínimo ni máximo"));
                }
            }
        }
    }

    private static void checkPrice(PriceClause price, QualityClause quality, String prefix,
            List<Violation> violations) {
        List<QualityAdjustment> adjustments = price.qualityAdjustments() == null
                ? List.of()
                : price.qualityAdjustments();
        for (int i = 0; i < adjustments.size(); i++) {
            QualityAdjustment a = adjustments.get(i);
            String at = prefix + "qualityAdjustments[" + i + "].";
            var parameter = quality.parameter(a.parameter());
            if (parameter.isEmpty()) {
                violations.add(new Violation(at + "parameter", "parámetro desconocido: " + a.parameter()
                        + "; debe ser uno de la cláusula de calidad " + quality.parameters().stream()
                                .filter(QualityParameter::isNumeric).map(QualityParameter::code).toList()));
            } else if (!parameter.get().isNumeric()) {
                violations.add(new Violation(at + "parameter", a.parameter() + " es una prueba BOOLEAN; "
                        + "los ajustes de precio van sobre parámetros numéricos"));
            }
            if (a.from() == null && a.to() == null) {
                violations.add(new Violation(at + "from", "indique el rango [from, to): al menos uno de los dos"));
            }
            if (a.from() != null && a.to() != null && a.from().compareTo(a.to()) >= 0) {
                violations.add(new Violation(at + "from", "from debe ser menor que to (rango [from, to))"));
            }
            if (a.amountPerUnit().signum() == 0) {
                violations.add(new Violation(at + "amountPerUnit", "un ajuste de 0 no cambia el precio"));
            }
        }
        List<VolumeTier> tiers = price.volumeTiers() == null ? List.of() : price.volumeTiers();
        Set<BigDecimal> minimums = new HashSet<>();
        for (int i = 0; i < tiers.size(); i++) {
            if (!minimums.add(tiers.get(i).minQuantity().stripTrailingZeros())) {
                violations.add(new Violation(prefix + "volumeTiers[" + i + "].minQuantity", "tramo repetido"));
            }
        }
    }
}

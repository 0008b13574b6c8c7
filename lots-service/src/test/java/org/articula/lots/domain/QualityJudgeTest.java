package org.articula.lots.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.articula.lots.domain.QualityJudge.Judgement;
import org.articula.lots.domain.RejectionReason.Code;
import org.articula.platform.problem.Problem.Violation;
import org.junit.jupiter.api.Test;

/**
 * The quality verdict (design: "Quality verdicts"): ACCEPTED when every required reading is present and
 * within its inclusive limits, otherwise REJECTED with one reason per failed parameter.
 */
class QualityJudgeTest {

    /** Milk: total solids at least 11.5 %, at most 10 °C, antibiotics test must be negative. */
    static final List<QualityParameter> MILK = List.of(
            measured("total_solids", "Sólidos totales", "%", "11.5", null, true),
            measured("temperature", "Temperatura", "°C", null, "10", true),
            new QualityParameter("antibiotics", "Antibióticos", "BOOLEAN", null, null, null, false, true));

    @Test
    void readingsWithinEveryLimitAreAccepted() {
        Judgement judgement = QualityJudge.judge(MILK, milk("11.8", "6.5", false));

        assertEquals(Verdict.ACCEPTED, judgement.verdict());
        assertEquals(List.of(), judgement.reasons());
    }

    @Test
    void limitsAreInclusiveAndTheSmallestStepBeyondRejects() {
        assertEquals(Verdict.ACCEPTED, QualityJudge.judge(MILK, milk("11.5", "10", false)).verdict());
        assertEquals(Verdict.ACCEPTED, QualityJudge.judge(MILK, milk("11.5000", "10.0000", false)).verdict());

        Judgement below = QualityJudge.judge(MILK, milk("11.4999", "10", false));
        assertEquals(Verdict.REJECTED, below.verdict());
        assertEquals(List.of(Code.BELOW_MIN), codes(below));

        Judgement above = QualityJudge.judge(MILK, milk("11.5", "10.0001", false));
        assertEquals(List.of(Code.ABOVE_MAX), codes(above));
    }

    @Test
    void eachFailedParameterIsOneReasonWithItsLimitReadingAndSentence() {
        Judgement judgement = QualityJudge.judge(MILK, milk("10.9", "14.2", true));

        assertEquals(Verdict.REJECTED, judgement.verdict());
        assertEquals(List.of(Code.BELOW_MIN, Code.ABOVE_MAX, Code.FAILED_TEST), codes(judgement));
        RejectionReason solids = judgement.reasons().get(0);
        assertEquals("total_solids", solids.parameter());
        assertEquals(new BigDecimal("11.5"), solids.limit());
        assertEquals(new BigDecimal("10.9"), solids.value());
        assertEquals("Sólidos totales 10.9 % bajo el mínimo 11.5", solids.message());
        RejectionReason cold = judgement.reasons().get(1);
        assertEquals(new BigDecimal("10"), cold.limit());
        assertEquals("Temperatura 14.2 °C sobre el máximo 10", cold.message());
        RejectionReason test = judgement.reasons().get(2);
        assertEquals(Boolean.TRUE, test.result());
        assertNull(test.limit());
        assertEquals("Antibióticos: prueba positiva, no aprobada", test.message());
    }

    @Test
    void aMissingRequiredReadingRejectsAndAMissingOptionalOneDoesNot() {
        List<QualityParameter> clause = List.of(MILK.get(0), MILK.get(2),
                measured("fat", "Grasa", "%", "3.0", null, false));
        List<Reading> withoutTest = List.of(reading("total_solids", "12.1"));

        Judgement judgement = QualityJudge.judge(clause, withoutTest);

        assertEquals(List.of(Code.MISSING_READING), codes(judgement));
        assertEquals("antibiotics", judgement.reasons().get(0).parameter());
        assertEquals("falta la lectura de Antibióticos", judgement.reasons().get(0).message());
        // a reading of the wrong kind (a value for a test) is as good as none
        Judgement valueForATest = QualityJudge.judge(clause, List.of(reading("total_solids", "12.1"),
                reading("antibiotics", "0")));
        assertEquals(List.of(Code.MISSING_READING), codes(valueForATest));
    }

    @Test
    void aTestPassesOnlyWithTheResultTheClauseStates() {
        List<QualityParameter> mustBePresent = List.of(
                new QualityParameter("certified", "Certificación orgánica", "BOOLEAN", null, null, null, true, true));

        assertEquals(Verdict.ACCEPTED, QualityJudge.judge(mustBePresent, List.of(test("certified", true))).verdict());
        assertEquals(List.of(Code.FAILED_TEST),
                codes(QualityJudge.judge(mustBePresent, List.of(test("certified", false)))));
    }

    @Test
    void readingsOfParametersTheClauseDoesNotNameAreNotJudged() {
        List<Reading> readings = new java.util.ArrayList<>(milk("11.8", "6.5", false));
        readings.add(reading("density", "0.5"));

        assertEquals(Verdict.ACCEPTED, QualityJudge.judge(MILK, readings).verdict());
    }

    @Test
    void readingsUnfitToJudgeAreNamedByTheirField() {
        List<Reading> readings = List.of(reading("total_solids", "11.8"), reading("total_solids", "11.9"),
                new Reading("temperature", null, null, null, null, null), reading("antibiotics", "1"),
                test("total_solids", true), reading("density", "1.03"));

        assertEquals(List.of(
                new Violation("readings[1].parameter", "lectura repetida de total_solids"),
                new Violation("readings[2].value", "indique value (medida) o result (prueba)"),
                new Violation("readings[3].result", "antibiotics es una prueba: indique result true/false"),
                new Violation("readings[4].parameter", "lectura repetida de total_solids"),
                new Violation("readings[4].value", "total_solids se mide: indique value")),
                QualityJudge.unfit(MILK, readings));
        assertTrue(QualityJudge.unfit(MILK, milk("11.8", "6.5", false)).isEmpty());
    }

    static List<Reading> milk(String solids, String temperature, boolean antibiotics) {
        return List.of(reading("total_solids", solids), reading("temperature", temperature),
                test("antibiotics", antibiotics));
    }

    static Reading reading(String parameter, String value) {
        return new Reading(parameter, new BigDecimal(value), null, "Lactoscan", "M-1", null);
    }

    static Reading test(String parameter, boolean result) {
        return new Reading(parameter, null, result, "Tira reactiva", "M-1", null);
    }

    static QualityParameter measured(String code, String name, String unit, String min, String max,
            boolean required) {
        return new QualityParameter(code, name, "NUMERIC", unit, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), null, required);
    }

    private static List<Code> codes(Judgement judgement) {
        return judgement.reasons().stream().map(RejectionReason::code).toList();
    }
}

package org.articula.localstack.testing.upstream;

/**
 * A quality parameter of an agreement's quality clause: NUMERIC with a unit and limits (either may be null)
 * or BOOLEAN with the result that passes.
 */
public record QualityParameter(String code, String kind, String unit, String min, String max, Boolean passValue,
        boolean required) {

    /** A required measured parameter: {@code numeric("total_solids", "%", "11.5", null)}. */
    public static QualityParameter numeric(String code, String unit, String min, String max) {
        return new QualityParameter(code, "NUMERIC", unit, min, max, null, true);
    }

    /** A required yes/no test that passes when its result is {@code passValue}. */
    public static QualityParameter test(String code, boolean passValue) {
        return new QualityParameter(code, "BOOLEAN", null, null, null, passValue, true);
    }
}

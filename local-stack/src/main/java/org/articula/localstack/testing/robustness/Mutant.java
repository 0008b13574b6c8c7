package org.articula.localstack.testing.robustness;

import java.util.List;

/**
 * One hostile request derived from a valid one.
 *
 * @param target    where the change was made: {@code body.readings[0].value}, {@code query.from},
 *                  {@code path.id}, or {@code body} for the whole body
 * @param named     what a refusal must name (a field or parameter), or null when nothing in particular
 * @param mayPass   the request is still valid (an optional field left out...), so a 2xx is allowed
 * @param declaredLength for {@link MutationClass#OVERSIZED_BODY}: the Content-Length announced; else 0
 * @param removed   for an element of a list left out or made null: its texts (a parameter's name), by which
 *                  a refusal may name what referred to it instead
 */
public record Mutant(MutationClass kind, String target, String value, String named, boolean mayPass,
        ApiRequest request, long declaredLength, List<String> removed) {

    /** A hostile parameter value. */
    record Value(MutationClass kind, String text, boolean mayPass) {
    }

    /** A hostile body value. */
    record Valued(MutationClass kind, com.fasterxml.jackson.databind.JsonNode node, boolean mayPass) {
    }

    /**
     * The object a body field belongs to ({@code clauses.quality.parameters[0].}): a rule between two
     * fields (a minimum above its maximum) may name the other one or their object.
     */
    String enclosing() {
        if (!target.startsWith("body.")) {
            return null;
        }
        String path = target.substring("body.".length());
        int dot = path.lastIndexOf('.');
        return dot < 0 ? null : path.substring(0, dot + 1);
    }

    boolean inPath() {
        return target.startsWith("path.");
    }

    String describe() {
        return kind + " " + target + " = " + abbreviate(value);
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "(absent)";
        }
        String shown = text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
        StringBuilder escaped = new StringBuilder();
        shown.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}

package org.articula.platform.input;

/**
 * Text a client sends may hold letters, digits, punctuation, tabs and line breaks, never the other
 * C0 control characters: PostgreSQL refuses NUL ({@code \u0000}) outright, and the rest are no part of a
 * name, a reference or a clause. Bodies ({@link StrictJson}), parameters ({@link ControlCharacterParameters})
 * and CSV files are all checked by this one rule.
 */
public final class ControlCharacters {

    /** What a refused field is told, in the violation naming it. */
    public static final String MESSAGE = "contiene un carácter de control no permitido (como U+0000)";

    private ControlCharacters() {
    }

    public static boolean present(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }
}

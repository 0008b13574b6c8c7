package org.articula.payments.rest;

import java.util.Arrays;
import java.util.Locale;

/** The {@code Prefer: respond-async} preference of RFC 7240: answer at once, do the work afterwards. */
final class RespondAsync {

    static final String TOKEN = "respond-async";
    static final String APPLIED = "Preference-Applied";

    private RespondAsync() {
    }

    /** Whether a Prefer header (preferences separated by commas, each possibly with parameters) asks for it. */
    static boolean preferred(String prefer) {
        return prefer != null && Arrays.stream(prefer.split(","))
                .map(p -> p.split(";", 2)[0].split("=", 2)[0].strip().toLowerCase(Locale.ROOT))
                .anyMatch(TOKEN::equals);
    }
}

package org.articula.contracts.domain;

import java.util.regex.Pattern;

/**
 * The number notices are sent to: a Peruvian mobile written exactly as {@code +519xxxxxxxx} (country code,
 * then nine digits starting with 9). Spaces are not normalised away: the number is stored and sent as the
 * client wrote it, so a form strips them before sending (docs/decisions/0028-producer-notices.md).
 */
public final class PeruvianMobile {

    public static final String MESSAGE = "para recibir avisos: celular peruano +51 9xxxxxxxx, escrito +519xxxxxxxx";
    private static final Pattern MOBILE = Pattern.compile("\\+519\\d{8}");

    private PeruvianMobile() {
    }

    /** Null when {@code phone} is a Peruvian mobile in that form, else what is wrong, in Spanish. */
    public static String problemWith(String phone) {
        return phone != null && MOBILE.matcher(phone).matches() ? null : MESSAGE;
    }
}

package org.articula.platform.input;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The one form a date or an instant is read in, in bodies ({@link StrictJson}) and parameters
 * ({@link QueryParameterConverters}): ISO text with a four-digit year (0001 to 9999). Java's own parsers
 * also take years like +1000000 or -0001, which nothing here means and which PostgreSQL or a later
 * calculation cannot hold.
 */
public final class IsoDates {

    public static final String DATE_MESSAGE = "no es una fecha válida aaaa-mm-dd";
    public static final String INSTANT_MESSAGE = "no es una fecha y hora válida aaaa-mm-ddThh:mm:ssZ";

    private static final Pattern DATE = Pattern.compile("(?!0000)\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("(?!0000)\\d{4}-\\d{2}-\\d{2}T.+");

    private IsoDates() {
    }

    /** yyyy-mm-dd; a day that does not exist (2026-02-30) is refused too. */
    public static LocalDate date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new DateTimeParseException(DATE_MESSAGE, String.valueOf(text), 0);
        }
        return LocalDate.parse(text);
    }

    /** An instant with its offset: 2026-10-01T06:30:00Z or 2026-10-01T06:30:00-05:00. */
    public static Instant instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            throw new DateTimeParseException(INSTANT_MESSAGE, String.valueOf(text), 0);
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }
}

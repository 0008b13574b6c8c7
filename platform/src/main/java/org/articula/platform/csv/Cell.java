package org.articula.platform.csv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.articula.platform.time.BusinessClock;

/**
 * One value of a {@link CsvTable}, already written the way an es-PE spreadsheet reads it: decimal point,
 * no thousands separator, money at 2 decimals and quantities at 3 (HALF_UP, as amounts are rounded),
 * dates yyyy-mm-dd, instants as Lima's local time. Only these factories make cells, so no text reaches
 * the file without the formula guard of {@link #text}. An absent value is an empty cell.
 */
public final class Cell {

    /** Characters a spreadsheet takes as the start of a formula (OWASP "CSV injection"). */
    private static final String FORMULA_START = "=+-@\t\r";
    private static final DateTimeFormatter LIMA_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(BusinessClock.LIMA);
    private static final DateTimeFormatter LIMA_CLOCK = DateTimeFormatter.ofPattern("HH:mm")
            .withZone(BusinessClock.LIMA);
    private static final Cell EMPTY = new Cell("");

    private final String value;

    private Cell(String value) {
        this.value = value;
    }

    /**
     * Text as typed by someone (a name, a description, a reason) or a word of ours. Text that a spreadsheet
     * would run as a formula ({@code =HYPERLINK(...)}, {@code +51...}, {@code -2+3}, {@code @SUM(...)}) is
     * kept as text by a leading apostrophe, which spreadsheets show as nothing or as the quote it is.
     */
    public static Cell text(String text) {
        if (text == null || text.isEmpty()) {
            return EMPTY;
        }
        return new Cell(FORMULA_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text);
    }

    /** Soles and céntimos: 2 decimals. */
    public static Cell money(BigDecimal amount) {
        return decimal(amount, 2);
    }

    /** Litres, kilograms, units: 3 decimals. */
    public static Cell quantity(BigDecimal quantity) {
        return decimal(quantity, 3);
    }

    /** A number at a fixed number of decimals (a unit price at 4, a percentage at 2). */
    public static Cell decimal(BigDecimal number, int scale) {
        return number == null ? EMPTY : new Cell(number.setScale(scale, RoundingMode.HALF_UP).toPlainString());
    }

    public static Cell integer(long number) {
        return new Cell(Long.toString(number));
    }

    public static Cell date(LocalDate date) {
        return date == null ? EMPTY : new Cell(date.toString());
    }

    /** An instant as the local date and time in Peru. */
    public static Cell dateTime(Instant instant) {
        return instant == null ? EMPTY : new Cell(LIMA_TIME.format(instant));
    }

    /** An instant as the hour and minute in Peru (the day is in another column). */
    public static Cell time(Instant instant) {
        return instant == null ? EMPTY : new Cell(LIMA_CLOCK.format(instant));
    }

    /** An identifier (UUID and the like): never starts a formula, so written as it is. */
    public static Cell id(Object id) {
        return id == null ? EMPTY : text(id.toString());
    }

    public static Cell empty() {
        return EMPTY;
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

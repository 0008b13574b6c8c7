package org.articula.payments.settlement;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settlement's SQL statements, one resource per rule under {@code settlement/} (named after the rule of
 * docs/settlement-rules.md it applies), read once when the class loads. A statement takes a part shared by
 * several rules ({@code settlement/parts/NAME.sql}) where it writes {@code ${NAME}}. Whole-line {@code --}
 * comments, which say which rule a file applies, are left out of what runs, so that no comment reaches
 * Hibernate's parameter parser.
 */
public final class SettlementSql {

    private static final Pattern PART = Pattern.compile("\\$\\{([a-z-]+)}");

    static final String LOT_TOTALS = statement("R3-lot-totals");
    static final String LOT_LINES = statement("R3-lot-lines");
    static final String ADJUSTMENTS = statement("R4-adjustments");
    static final String VOLUME_BONUS = statement("R6-volume-bonus");
    static final String SHORTFALL_PENALTY = statement("R7-shortfall-penalty");
    static final String INCENTIVES = statement("R13-incentives");
    static final String GROSS_PER_PRODUCER = statement("R8-gross-per-producer");
    static final String INSTALMENTS = statement("R9-instalments");
    static final String NET = statement("R10-net");
    static final String LOTS_SETTLED = statement("R4-lots-settled");

    private SettlementSql() {
    }

    /** The statement in {@code settlement/NAME.sql} with its parts in place. */
    static String statement(String name) {
        Matcher parts = PART.matcher(read("settlement/" + name + ".sql"));
        return parts.replaceAll(part -> Matcher.quoteReplacement(part(part.group(1))));
    }

    /**
     * A shared part for a fortnight other than the settled one: {@code :start} and {@code :end} replaced by
     * the SQL expressions given (e.g. columns), so other queries apply the rules' very definitions (R5).
     */
    public static String partFor(String name, String start, String end) {
        return part(name).replace("cast(:start as date)", start).replace("cast(:end as date)", end);
    }

    private static String part(String name) {
        return read("settlement/parts/" + name + ".sql");
    }

    private static String read(String resource) {
        try (InputStream in = SettlementSql.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

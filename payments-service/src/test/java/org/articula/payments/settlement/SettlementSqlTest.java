package org.articula.payments.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rule files load whole, with their parts in place, and name only what a computation binds. */
class SettlementSqlTest {

    private static final List<String> STATEMENTS = List.of(SettlementSql.LOT_TOTALS, SettlementSql.LOT_LINES,
            SettlementSql.ADJUSTMENTS,
            SettlementSql.VOLUME_BONUS, SettlementSql.SHORTFALL_PENALTY, SettlementSql.GROSS_PER_PRODUCER,
            SettlementSql.INSTALMENTS, SettlementSql.NET, SettlementSql.LOTS_SETTLED);
    // A named parameter, not a cast (::numeric).
    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([a-z]+)");

    @Test
    void everyRuleFileLoadsWithItsPartsInPlaceAndWithoutItsComments() {
        for (String sql : STATEMENTS) {
            assertFalse(sql.isBlank());
            assertFalse(sql.contains("${"), sql);
            assertFalse(sql.contains("--"), sql);
        }
        // Lots are priced by priced_lots (V18), which a run reads, and open_lot_line, written on closing.
        assertTrue(SettlementSql.LOT_TOTALS.contains("from priced_lots(:org, :start, :end) p"), "priced lots in place");
        assertTrue(SettlementSql.SHORTFALL_PENALTY.contains("jsonb_array_elements(a.periods_in_force)"),
                "days and last day in force in place");
    }

    @Test
    void statementsNameOnlyTheComputationsParameters() {
        Set<String> named = new TreeSet<>();
        for (String sql : STATEMENTS) {
            Matcher parameter = PARAMETER.matcher(sql);
            while (parameter.find()) {
                named.add(parameter.group(1));
            }
        }
        assertEquals(Set.of("end", "org", "s", "start"), named);
        SettlementCalculation.Computation run = new SettlementCalculation.Computation(null, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> run.parameter("other"));
    }

    @Test
    void aMissingRuleFileIsNamed() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SettlementSql.statement("R99-none"));
        assertTrue(missing.getMessage().contains("settlement/R99-none.sql"), missing.getMessage());
    }
}

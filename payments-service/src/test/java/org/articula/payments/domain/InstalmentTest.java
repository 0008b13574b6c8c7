package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Splitting a charge (design.md, money): the first n-1 instalments are amount/n rounded down to the céntimo,
 * the last takes the remainder, so the parts always sum to the whole.
 */
class InstalmentTest {

    @Test
    void theLastInstalmentTakesTheRemainder() {
        assertEquals(money("50.00", "50.01"), Instalment.split(new BigDecimal("100.01"), 2));
        assertEquals(money("33.33", "33.33", "33.34"), Instalment.split(new BigDecimal("100.00"), 3));
        assertEquals(money("16.66", "16.66", "16.66", "16.66", "16.66", "16.70"),
                Instalment.split(new BigDecimal("100.00"), 6));
    }

    @Test
    void oneInstalmentIsTheWholeAndASmallAmountLeavesTheEarlierOnesAtZero() {
        assertEquals(money("250.50"), Instalment.split(new BigDecimal("250.50"), 1));
        assertEquals(money("0.01", "0.01", "0.03"), Instalment.split(new BigDecimal("0.05"), 3));
        assertEquals(money("0.00", "0.00", "0.00", "0.00", "0.00", "0.05"),
                Instalment.split(new BigDecimal("0.05"), 6));
    }

    @Test
    void thePartsSumToTheWholeToTheCentimoForAnyAmountAndCount() {
        for (String amount : List.of("0.01", "0.99", "1.00", "99.99", "100.01", "1234.57", "99999999.99")) {
            BigDecimal whole = new BigDecimal(amount);
            for (int n = 1; n <= 12; n++) {
                List<BigDecimal> parts = Instalment.split(whole, n);
                String at = amount + " in " + n;
                assertEquals(n, parts.size(), at);
                assertEquals(0, whole.compareTo(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add)), at);
                BigDecimal part = parts.get(0);
                assertTrue(parts.subList(0, n - 1).stream().allMatch(part::equals), at);
                BigDecimal extra = parts.get(n - 1).subtract(part);
                // The remainder is what rounding down left: never negative, less than a céntimo per instalment.
                assertTrue(extra.signum() >= 0 && extra.compareTo(new BigDecimal("0.01").multiply(
                        BigDecimal.valueOf(n))) < 0, at + ": " + parts);
                assertTrue(parts.stream().allMatch(p -> p.scale() == 2), at);
            }
        }
    }

    private static List<BigDecimal> money(String... amounts) {
        return List.of(amounts).stream().map(BigDecimal::new).toList();
    }
}

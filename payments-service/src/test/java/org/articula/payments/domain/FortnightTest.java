package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.articula.platform.time.BusinessClock;
import org.junit.jupiter.api.Test;

/** Pay periods: days 1-15 and 16 to the month's end, Peru's days (domain.md, design.md). */
class FortnightTest {

    @Test
    void theFirstHalfIsThe1stToThe15thAndTheSecondThe16thToTheMonthsEnd() {
        Fortnight first = new Fortnight(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 15));
        Fortnight second = new Fortnight(LocalDate.of(2026, 10, 16), LocalDate.of(2026, 10, 31));

        assertEquals(first, Fortnight.containing(LocalDate.of(2026, 10, 1)));
        assertEquals(first, Fortnight.containing(LocalDate.of(2026, 10, 15)));
        assertEquals(second, Fortnight.containing(LocalDate.of(2026, 10, 16)));
        assertEquals(second, Fortnight.containing(LocalDate.of(2026, 10, 31)));
        assertEquals(LocalDate.of(2026, 11, 30), Fortnight.containing(LocalDate.of(2026, 11, 20)).end());
    }

    @Test
    void februarysSecondHalfEndsOnThe28thOrOnThe29thOfALeapYear() {
        assertEquals(new Fortnight(LocalDate.of(2027, 2, 16), LocalDate.of(2027, 2, 28)),
                Fortnight.containing(LocalDate.of(2027, 2, 20)));
        assertEquals(new Fortnight(LocalDate.of(2028, 2, 16), LocalDate.of(2028, 2, 29)),
                Fortnight.containing(LocalDate.of(2028, 2, 29)));
        assertEquals(LocalDate.of(2028, 3, 1), Fortnight.containing(LocalDate.of(2028, 2, 29)).next().start());
    }

    @Test
    void aFortnightIsNamedByItsFirstDayThe1stOrThe16th() {
        assertEquals(LocalDate.of(2026, 10, 31), Fortnight.of(LocalDate.of(2026, 10, 16)).end());
        assertThrows(IllegalArgumentException.class, () -> Fortnight.of(LocalDate.of(2026, 10, 2)));
        assertThrows(IllegalArgumentException.class, () -> Fortnight.of(LocalDate.of(2026, 10, 15)));
    }

    @Test
    void theKthFortnightCountsThisOneAsTheFirstAndCrossesTheYear() {
        Fortnight december = Fortnight.of(LocalDate.of(2026, 12, 16));

        assertEquals(december, december.plus(1));
        assertEquals(LocalDate.of(2027, 1, 1), december.plus(2).start());
        assertEquals(new Fortnight(LocalDate.of(2027, 1, 16), LocalDate.of(2027, 1, 31)), december.plus(3));
    }

    @Test
    void theDayIsPerusSoTheEveningOfThe15thInLimaIsStillTheFirstHalf() {
        // 03:00 UTC on the 16th is 22:00 on the 15th in Lima (UTC-5, no daylight saving).
        Clock evening = Clock.fixed(Instant.parse("2026-10-16T03:00:00Z"), BusinessClock.LIMA);

        assertEquals(LocalDate.of(2026, 10, 1), Fortnight.containing(LocalDate.now(evening)).start());
    }
}

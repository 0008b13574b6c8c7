package org.articula.lots.mapping;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.lots.rest.dto.DailyTotal;
import org.articula.lots.rest.dto.QualityTrendPoint;

/** The charts' rows (as LotStatisticsRepository selects them) to their API shapes. */
public final class ChartMapper {

    private ChartMapper() {
    }

    /** day, product, unit, lots, rejected lots, quantity, accepted quantity. */
    public static DailyTotal dailyTotal(Object[] r) {
        return new DailyTotal(day(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                ((Number) r[4]).longValue(), scale3(r[5]), scale3(r[6]));
    }

    /** group, fortnight, lots, quantity, quantity-weighted average of the reading. */
    public static QualityTrendPoint trendPoint(Object[] r) {
        return new QualityTrendPoint((UUID) r[0], day(r[1]), ((Number) r[2]).longValue(), scale3(r[3]),
                r[4] == null ? null : ((BigDecimal) r[4]).setScale(2, RoundingMode.HALF_UP));
    }

    // Hibernate hands dates back as LocalDate or java.sql.Date depending on the column's expression.
    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static BigDecimal scale3(Object value) {
        return ((BigDecimal) value).setScale(3, RoundingMode.HALF_UP);
    }
}

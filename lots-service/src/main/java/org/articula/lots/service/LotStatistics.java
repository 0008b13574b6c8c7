package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.repository.LotStatisticsRepository;
import org.articula.lots.rest.dto.DailyTotal;
import org.articula.lots.rest.dto.QualityTrendPoint;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/** What the charts show: litres and acceptance per day, and a reading's trend per network. */
@ApplicationScoped
public class LotStatistics {

    @Inject
    LotStatisticsRepository statistics;
    @Inject
    CentreService centres;
    @Inject
    CurrentUser user;

    /** A centre's days, or all the organisation's centres' when centreId is null. */
    public List<DailyTotal> daily(UUID organisationId, UUID centreId, LocalDate from, LocalDate to) {
        UUID organisation = user.organisationOrOwn(organisationId);
        if (centreId != null && !centres.get(centreId).organisationId.equals(organisation)) {
            throw ProblemException.notFound("Centro de acopio", centreId);
        }
        LotQueries.checkRange(from, to);
        return statistics.daily(organisation, centreId, from, to).stream()
                .map(r -> new DailyTotal(day(r[0]), (String) r[1], (String) r[2], ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(), scale3(r[5]), scale3(r[6]))).toList();
    }

    public List<QualityTrendPoint> qualityTrend(UUID organisationId, String parameter, LocalDate from, LocalDate to) {
        UUID organisation = user.organisationOrOwn(organisationId);
        LotQueries.checkRange(from, to);
        return statistics.qualityTrend(organisation, parameter, from, to).stream()
                .map(r -> new QualityTrendPoint((UUID) r[0], day(r[1]), ((Number) r[2]).longValue(), scale3(r[3]),
                        r[4] == null ? null : ((BigDecimal) r[4]).setScale(2, RoundingMode.HALF_UP))).toList();
    }

    // Hibernate hands dates back as LocalDate or java.sql.Date depending on the column's expression.
    private static LocalDate day(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static BigDecimal scale3(Object value) {
        return ((BigDecimal) value).setScale(3, RoundingMode.HALF_UP);
    }
}

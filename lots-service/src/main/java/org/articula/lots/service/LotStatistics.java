package org.articula.lots.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.mapping.ChartMapper;
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
        return statistics.daily(organisation, centreId, from, to).stream().map(ChartMapper::dailyTotal).toList();
    }

    public List<QualityTrendPoint> qualityTrend(UUID organisationId, String parameter, LocalDate from, LocalDate to) {
        UUID organisation = user.organisationOrOwn(organisationId);
        LotQueries.checkRange(from, to);
        return statistics.qualityTrend(organisation, parameter, from, to).stream().map(ChartMapper::trendPoint)
                .toList();
    }
}

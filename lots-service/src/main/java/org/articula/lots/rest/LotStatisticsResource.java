package org.articula.lots.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.rest.dto.DailyTotal;
import org.articula.lots.rest.dto.QualityTrendPoint;
import org.articula.lots.service.LotStatistics;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lot-statistics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lot statistics", description = "Totals behind the charts: litres and acceptance per day, quality trends")
public class LotStatisticsResource {

    @Inject
    LotStatistics statistics;

    @GET
    @Path("/daily")
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
    @Operation(summary = "Lots, rejections and quantities per delivery day and product", description = """
                    At one centre (centreId) or at all of the organisation's; voided lots do not count. \
                    organisationId defaults to the caller's; another organisation's, or its centre, is not found. \
                    At most 366 days.""")
    public List<DailyTotal> daily(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("centreId") UUID centreId, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        return statistics.daily(organisationId, centreId, from, to);
    }

    @GET
    @Path("/quality-trend")
    @RolesAllowed({ Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
    @Operation(summary = "A reading's quantity-weighted average per network and fortnight", description = """
                    parameter is a quality parameter code (default total_solids); lots without a numeric \
                    reading of it do not count; groupId null gathers producers outside any network.""")
    public List<QualityTrendPoint> qualityTrend(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("parameter") @DefaultValue("total_solids") @Pattern(
                    regexp = "[a-z0-9_]{1,40}") String parameter,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return statistics.qualityTrend(organisationId, parameter, from, to);
    }
}

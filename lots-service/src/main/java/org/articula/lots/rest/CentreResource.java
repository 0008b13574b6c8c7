package org.articula.lots.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.mapping.LotSheetCsv;
import org.articula.lots.rest.dto.CentreRequest;
import org.articula.lots.rest.dto.CentreView;
import org.articula.lots.rest.dto.LotSheet;
import org.articula.lots.rest.dto.OperatorRequest;
import org.articula.lots.rest.dto.OperatorView;
import org.articula.lots.rest.dto.Roster;
import org.articula.lots.service.CentreService;
import org.articula.lots.service.LotQueries;
import org.articula.lots.service.RosterQueries;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/collection-centres")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collection centres", description = "Centres where producers deliver, and their operators")
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class CentreResource {

    @Inject
    CentreService service;
    @Inject
    LotQueries queries;
    @Inject
    RosterQueries rosters;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Register a collection centre", description = "Idempotent by id: 201, then 200.")
    @Extension(name = CreatedResponse.CREATED, value = "Registered")
    public RestResponse<CentreView> register(@Valid @NotNull CentreRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.register(request).map(LotMapper::view), CentreView::id, uri);
    }

    @GET
    @Operation(summary = "The centres the caller's organisation runs",
            description = "organisationId defaults to the caller's; another organisation's is not found.")
    public List<CentreView> list(@QueryParam("organisationId") UUID organisationId) {
        UUID organisation = user.organisationOrOwn(organisationId);
        return service.ofOrganisation(organisation).stream().map(LotMapper::view).toList();
    }

    @GET
    @Path("/{centreId}")
    @Operation(summary = "Get a collection centre")
    public CentreView get(@PathParam("centreId") UUID centreId) {
        return LotMapper.view(service.get(centreId));
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{centreId}/operators")
    @Operation(summary = "Add an operator to a centre", description = "Idempotent by id: 201, then 200.")
    @Extension(name = CreatedResponse.CREATED, value = "Added")
    public RestResponse<OperatorView> addOperator(@PathParam("centreId") UUID centreId,
            @Valid @NotNull OperatorRequest request,
            @Context UriInfo uri) {
        return CreatedResponse.of(service.addOperator(centreId, request).map(LotMapper::view), OperatorView::id, uri);
    }

    @GET
    @Path("/{centreId}/operators")
    @Operation(summary = "The centre's operators")
    public List<OperatorView> operators(@PathParam("centreId") UUID centreId) {
        return service.operatorsAt(centreId).stream().map(LotMapper::view).toList();
    }

    @GET
    @Path("/{centreId}/sheet")
    @Operation(summary = "The collection sheet: a centre's lots of one day with totals per verdict")
    public LotSheet sheet(@PathParam("centreId") UUID centreId, @QueryParam("date") @NotNull LocalDate date) {
        return queries.collectionSheet(centreId, date);
    }

    @GET
    @Path("/{centreId}/sheet")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same collection sheet as a table for a spreadsheet", description = """
                    As text/csv: a row per lot with the producer's name and DNI, then a Total row per product, \
                    unit and verdict; saved as planilla-acopio-<date>-<centre name>.csv.""")
    public CsvTable sheetCsv(@PathParam("centreId") UUID centreId, @QueryParam("date") @NotNull LocalDate date) {
        LotSheet sheet = queries.collectionSheet(centreId, date, false); // the table prints no flags
        return LotSheetCsv.table("planilla-acopio-" + date + "-" + service.get(centreId).name, sheet,
                queries.producersOf(sheet));
    }

    @GET
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN })
    @Path("/{centreId}/roster")
    @Operation(summary = "What the centre's devices need to record lots offline: producers and agreements",
            description = """
                    Without since (or with an empty one): every agreement lots can be recorded under at\
                     the centre (whatever its status; periodsInForce says when) and every producer they cover, with\
                     full = true. With since = the cursor of the previous answer: only the agreements changed\
                     since, and the producers changed since or covered by an agreement changed since. Upsert each\
                     by id and keep the new cursor; a row may come again. A malformed cursor is 400; one this\
                     database never gave (it was restored or replaced) gets a full download.""")
    public Roster roster(@PathParam("centreId") UUID centreId, @QueryParam("since") String since) {
        return rosters.of(centreId, since);
    }

}

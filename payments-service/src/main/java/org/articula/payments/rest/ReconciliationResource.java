package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.mapping.ReconciliationMapper;
import org.articula.payments.rest.dto.Reconciliation;
import org.articula.payments.rest.dto.RemittanceRequest;
import org.articula.payments.rest.dto.RemittanceView;
import org.articula.payments.service.ReconciliationService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "What buyers paid against what members were owed and paid")
@Transactional
@RetryLostRace
@RolesAllowed({ Roles.TREASURER, Roles.AUDITOR })
public class ReconciliationResource {

    @Inject
    ReconciliationService service;

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/remittances")
    @Operation(summary = "Record what a buyer paid for a fortnight", description = """
            Idempotent by id: 201, then 200. \
            The buyer must buy under one of the organisation's agreements: any other id is 404, as an unknown one.""")
    @Extension(name = CreatedResponse.CREATED, value = "Recorded")
    public RestResponse<RemittanceView> remit(@Valid @NotNull RemittanceRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.record(request).map(ReconciliationMapper::view), RemittanceView::id, uri);
    }

    @GET
    @Path("/remittances/{id}")
    @Operation(summary = "Get a remittance")
    public RemittanceView remittance(@PathParam("id") UUID id) {
        return ReconciliationMapper.view(service.get(id));
    }

    @GET
    @Path("/reconciliations")
    @Operation(summary = "Reconcile a settled fortnight", description = """
                    Quantity collected vs paid for (shrinkage), amount received vs gross owed, deductions \
                    recovered, net paid, margin; discrepancies beyond the tolerance (default 2 %) are listed.""")
    public Reconciliation reconcile(@QueryParam("organisationId") @NotNull UUID organisationId,
            @QueryParam("fortnightStart") @NotNull LocalDate fortnightStart,
            @QueryParam("tolerancePercent") @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent) {
        return service.reconcile(organisationId, fortnightStart, tolerancePercent);
    }

    @GET
    @Path("/reconciliations")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same reconciliation as a table for a spreadsheet", description = """
                    As text/csv: a row per buyer and product, a Total row, then a row per flag with its \
                    explanation; saved as conciliacion-<fortnightStart>.csv.""")
    public CsvTable reconcileCsv(@QueryParam("organisationId") @NotNull UUID organisationId,
            @QueryParam("fortnightStart") @NotNull LocalDate fortnightStart,
            @QueryParam("tolerancePercent") @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent) {
        return PaymentsCsv.reconciliation(reconcile(organisationId, fortnightStart, tolerancePercent));
    }
}

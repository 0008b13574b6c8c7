package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.List;
import java.util.UUID;
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.rest.dto.Cancellation;
import org.articula.payments.rest.dto.ChargeRequest;
import org.articula.payments.rest.dto.ChargeView;
import org.articula.payments.service.ChargeService;
import org.articula.payments.service.SettlementService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/charges")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Charges", description = "Input credit recovered from fortnightly payments in instalments")
@Transactional // views read instalments and recoveries in the same unit of work as the change
@RetryLostRace
@RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class ChargeResource {

    @Inject
    ChargeService service;
    @Inject
    SettlementService settlements;

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Operation(summary = "Record a charge (feed, veterinary service, insemination, advance)", description = """
                    Split into instalments (default 2, at most the agreement's maximum): the first n-1 are \
                    amount/n rounded down to the céntimo, the last takes the rest; instalment k falls due in the \
                    k-th fortnight from the charge date's. Idempotent by id: 201, then 200. A producer that is not \
                    one of the organisation's is not found (404), as an unknown id. While no agreement of the \
                    producer has reached payments-service: 409 terms-not-received with Retry-After, repeat then; \
                    when none is in force on the charge date: 422 no-agreement-in-force.""")
    @Extension(name = CreatedResponse.CREATED, value = "Recorded")
    public RestResponse<ChargeView> record(@Valid @NotNull ChargeRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.record(request).map(service::view), ChargeView::id, uri);
    }

    @GET
    @Operation(summary = "A producer's charges, with what was recovered of each instalment and what is left",
            description = """
                    organisationId defaults to the caller's; another organisation's is not found. A producer \
                    lists their own (producerId defaults to the token's); another producer's is not found.""")
    public List<ChargeView> list(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("producerId") UUID producerId) {
        return service.views(service.ofProducer(organisationId, producerId).charges());
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same charges as a table for a spreadsheet", description = """
                    As text/csv: a row per charge with its instalments summarised, what was recovered and what \
                    is left; saved as cargos-<DNI>.csv.""")
    public CsvTable listCsv(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("producerId") UUID producerId) {
        ChargeService.ProducerCharges found = service.ofProducer(organisationId, producerId);
        String who = PaymentsCsv.who(settlements.producerRef(found.producerId()), found.organisationId(),
                found.producerId());
        return PaymentsCsv.charges("cargos-" + who, service.views(found.charges()));
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.AUDITOR })
    @Path("/{id}")
    @Operation(summary = "Get a charge")
    public ChargeView get(@PathParam("id") UUID id) {
        return service.view(id);
    }

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel a charge",
            description = "Only while nothing of it was recovered by a closed settlement.")
    public ChargeView cancel(@PathParam("id") UUID id, @Valid @NotNull Cancellation cancellation) {
        return service.view(service.cancel(id, cancellation));
    }
}

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.mapping.LotMapper;
import org.articula.lots.mapping.LotSheetCsv;
import org.articula.lots.rest.dto.BatchResult;
import org.articula.lots.rest.dto.Correction;
import org.articula.lots.rest.dto.LotBatch;
import org.articula.lots.rest.dto.LotReceipt;
import org.articula.lots.rest.dto.LotRequest;
import org.articula.lots.rest.dto.LotSheet;
import org.articula.lots.rest.dto.RejectionRate;
import org.articula.lots.rest.dto.RevisionView;
import org.articula.lots.rest.dto.Voiding;
import org.articula.lots.service.LotQueries;
import org.articula.lots.service.LotService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/lots")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Lots", description = "Deliveries, their quality verdicts, corrections and voids")
@RetryLostRace
@RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class LotResource {

    @Inject
    LotService service;
    @Inject
    LotQueries queries;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Roles.CENTRE_OPERATOR)
    @Operation(summary = "Record a lot and judge it", description = """
                    The answer is the producer's receipt: verdict, one reason per failed parameter, and the \
                    agreement version used, and its flags (CERTIFICATE_NOT_VALID: the clause version requires a \
                    certification the producer had no valid certificate of on the delivery day; judged when read, \
                    the verdict unchanged). Idempotent by the device's id: 201, then 200 with the same receipt. \
                    No agreement in force for the producer, product and day: 422, nothing stored. A parcelId \
                    that is not a parcel of the producer and product known to lots-service: 400 naming parcelId.""")
    @APIResponse(responseCode = "201", description = "Recorded and judged: the receipt", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LotReceipt.class)))
    public Response record(@NotNull LotRequest request, @Context UriInfo uri) { // the service checks its fields
        BatchResult.Item item = service.record(List.of(request)).results().get(0);
        return switch (item.outcome()) {
            // A UUID needs no encoding: the path builder's was a few percent of a single lot's CPU.
            case CREATED -> Response.created(URI.create(uri.getAbsolutePath() + "/" + item.id()))
                    .entity(item.receipt()).build();
            case UNCHANGED -> Response.ok(item.receipt()).build();
            case REFUSED -> item.problem().withInstance(uri.getPath()).toResponse();
        };
    }

    @POST
    @RolesAllowed(Roles.CENTRE_OPERATOR)
    @Path("/batch")
    @Operation(summary = "Record up to 10,000 lots at once (a device back online)", description = """
                    Each lot on its own: a refused lot does not block the others. The answer lists, in \
                    request order, CREATED or UNCHANGED with the receipt, or REFUSED with the problem. \
                    Replaying the batch changes nothing.""")
    public BatchResult batch(@Valid @NotNull LotBatch batch) {
        return service.record(batch.lots());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a lot as it now stands")
    public LotReceipt get(@PathParam("id") UUID id) {
        return service.receipt(service.get(id));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Every revision of a lot: as recorded, each correction, the void")
    public List<RevisionView> history(@PathParam("id") UUID id) {
        return service.history(id).stream().map(LotMapper::view).toList();
    }

    @POST
    @RolesAllowed(Roles.CENTRE_OPERATOR)
    @Path("/{id}/corrections")
    @Operation(summary = "Correct a lot's quantity, readings or parcel", description = """
                    Judged again by the clause version it was first judged by. Send the version you read. \
                    A parcelId must be a parcel of the lot's producer and product known to lots-service (400 \
                    naming parcelId otherwise, nothing stored).""")
    public LotReceipt correct(@PathParam("id") UUID id, @Valid @NotNull Correction correction) {
        return service.receipt(service.correct(id, correction));
    }

    @POST
    @RolesAllowed(Roles.CENTRE_OPERATOR)
    @Path("/{id}/void")
    @Operation(summary = "Void a lot recorded by mistake", description = "It stays on record with the reason.")
    public LotReceipt voidLot(@PathParam("id") UUID id, @Valid @NotNull Voiding voiding) {
        return service.receipt(service.voidLot(id, voiding));
    }

    @GET
    @Operation(summary = "A producer's lots between two delivery dates, with totals per verdict",
            description = "Those of the caller's organisation or recorded at its centres; a producer sees only their own.")
    public LotSheet ofProducer(@QueryParam("producerId") @NotNull UUID producerId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return queries.ofProducer(producerId, from, to);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same lots as a table for a spreadsheet", description = """
                    As text/csv: a row per lot with the producer's name and DNI, then a Total row per product, \
                    unit and verdict; saved as lotes-<DNI>-<from>-al-<to>.csv.""")
    public CsvTable ofProducerCsv(@QueryParam("producerId") @NotNull UUID producerId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        LotSheet sheet = queries.ofProducer(producerId, from, to, false); // the table prints no flags
        Map<UUID, ProducerRef> producers = queries.producersOf(sheet);
        ProducerRef producer = producers.get(producerId); // named only when the caller sees lots of theirs
        return LotSheetCsv.table("lotes-" + (producer == null ? producerId : producer.nationalId) + "-" + from + "-al-"
                + to, sheet, producers);
    }

    @GET
    @RolesAllowed({ Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
    @Path("/rejection-rates")
    @Operation(summary = "Share of rejected lots per producer or per centre, for an organisation's deliveries",
            description = """
                    groupBy = producer (default) or centre; voided lots do not count. organisationId defaults \
                    to the caller's; another organisation's is not found.""")
    public List<RejectionRate> rejectionRates(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("groupBy") GroupBy groupBy) {
        UUID organisation = user.organisationOrOwn(organisationId);
        return queries.rejectionRates(organisation, from, to, groupBy == GroupBy.centre);
    }

    public enum GroupBy {
        producer,
        centre
    }
}

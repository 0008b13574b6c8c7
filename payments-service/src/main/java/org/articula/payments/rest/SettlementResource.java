package org.articula.payments.rest;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Run;
import org.articula.payments.domain.Settlement;
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.mapping.StatementHtml;
import org.articula.payments.mapping.StatementPdf;
import org.articula.payments.rest.dto.Closing;
import org.articula.payments.rest.dto.PayoutBatch;
import org.articula.payments.rest.dto.PayoutBatchResult;
import org.articula.payments.rest.dto.PayoutRequest;
import org.articula.payments.rest.dto.RunRequest;
import org.articula.payments.rest.dto.SettlementSummary;
import org.articula.payments.rest.dto.SettlementView;
import org.articula.payments.rest.dto.Statement;
import org.articula.payments.service.SettlementService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/settlements")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements", description = "Fortnightly settlements, statements and payouts")
@Transactional
@RetryLostRace
@RolesAllowed({ Roles.TREASURER, Roles.AUDITOR })
public class SettlementResource {

    static final String PDF = "application/pdf";

    @Inject
    SettlementService service;

    private final ObjectWriter viewWriter;

    @Inject
    SettlementResource(ObjectMapper json) {
        // The stream is Quarkus's to close; each producer's line is not flushed on its own.
        viewWriter = json.writerFor(SettlementView.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/runs")
    @Operation(summary = "Compute an organisation's settlement of a fortnight", description = """
                    Creates it OPEN or computes it again from the lots and terms known now; the same inputs \
                    give the same result. A closed fortnight is a 409. Without Prefer: respond-async the answer \
                    waits for the computation: 200 with the settlement (a failure is answered as a problem). With \
                    Prefer: respond-async the request is checked (role, organisation, fortnight, not closed) and \
                    answered at once: 202 with the run (RUNNING, stepsDone of stepsTotal) and Location \
                    /api/v1/settlements/runs/{runId} to follow it until DONE (settlementId set) or FAILED \
                    (reason in Spanish). A runId already used answers that run and starts nothing: its \
                    settlement (200) when it is DONE and the request waits, else the run (202 while RUNNING, \
                    200 when finished) with Location; a runId of another organisation or fortnight is a 409.""")
    @Parameter(name = "Prefer", in = ParameterIn.HEADER, description = """
            respond-async: answer 202 at once and compute \
            in the background (RFC 7240)""", schema = @Schema(type = SchemaType.STRING, examples = "respond-async"))
    @APIResponse(responseCode = "200", description = """
            The settlement computed, or the finished run a repeated runId \
            names""",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(oneOf = { SettlementView.class, Run.class })))
    @APIResponse(responseCode = "202", description = "Accepted: the run, computing; follow Location",
            headers = @Header(name = "Location", description = "/api/v1/settlements/runs/{runId}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Run.class)))
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the run manages its own transactions
    public Response run(@Valid @NotNull RunRequest request, @HeaderParam("Prefer") String prefer,
            @Context UriInfo uri) {
        boolean async = RespondAsync.preferred(prefer);
        SettlementService.Requested requested = service.request(request);
        Run existing = requested.existing();
        if (existing != null && !async && "DONE".equals(existing.status())) {
            return Response.ok(streamed(existing.settlementId())).build();
        }
        if (existing != null) { // 202 while it computes, 200 once it has finished
            return runAnswer(existing, "RUNNING".equals(existing.status())
                    ? Response.Status.ACCEPTED
                    : Response.Status.OK, uri, async);
        }
        if (async) {
            service.computeLater(requested.ticket());
            return runAnswer(service.findRun(requested.ticket().runId()).orElseThrow(), Response.Status.ACCEPTED, uri,
                    true);
        }
        return Response.ok(streamed(service.compute(requested.ticket()).id)).build();
    }

    // The run and where to follow it.
    private static Response runAnswer(Run run, Response.Status status, UriInfo uri, boolean async) {
        Response.ResponseBuilder answer = Response.status(status).entity(run)
                .location(uri.getBaseUriBuilder().path("api/v1/settlements/runs").path(run.id().toString()).build());
        return async ? answer.header(RespondAsync.APPLIED, RespondAsync.TOKEN).build() : answer.build();
    }

    private StreamingOutput streamed(UUID settlementId) {
        return streamed(found(settlementId));
    }

    // Read and access-checked in a transaction of its own, while a 404 or 403 can still be answered as a problem.
    private Settlement found(UUID settlementId) {
        return QuarkusTransaction.requiringNew().call(() -> service.get(settlementId));
    }

    /**
     * The settlement as JSON, written while its producers are read (decision 0042): whatever their number, the
     * service holds a slice. Read in a transaction of its own, after the caller's has committed; {@code settlement}
     * comes from {@link SettlementService#get}, which checked access.
     */
    private StreamingOutput streamed(Settlement settlement) {
        return output -> QuarkusTransaction.requiringNew().run(() -> service.readView(settlement, view -> {
            try {
                viewWriter.writeValue(output, view);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @GET
    @Operation(summary = "An organisation's settlements, newest fortnight first", description = """
                    With producers, lots and totals of each; fortnightStart picks one fortnight. \
                    organisationId defaults to the caller's; another organisation's is not found.""")
    public List<SettlementSummary> list(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("fortnightStart") LocalDate fortnightStart) {
        return service.list(organisationId, fortnightStart);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same settlements as a table for a spreadsheet", description = """
                    As text/csv: a row per settlement; saved as liquidaciones.csv, or \
                    liquidaciones-<fortnightStart>.csv for one fortnight.""")
    public CsvTable listCsv(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("fortnightStart") LocalDate fortnightStart) {
        return PaymentsCsv.settlements("liquidaciones" + (fortnightStart == null ? "" : "-" + fortnightStart),
                list(organisationId, fortnightStart));
    }

    @GET
    @Path("/runs/{runId}")
    @Operation(summary = "How a run went, or how far it got", description = """
                    RUNNING with stepsDone of stepsTotal and the last step finished, then DONE (with \
                    settlementId) or FAILED (with reason, in Spanish, naming the producer and lot when known, and for \
                    an unexpected failure the support code in error); each step's duration in milliseconds.""")
    public Run runStatus(@PathParam("runId") UUID runId) {
        return service.findRun(runId).orElseThrow(() -> ProblemException.notFound("Ejecución", runId));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A settlement with each producer's gross, deductions, net and payment")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettlementView.class)))
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the answer is written in a transaction of its own
    public StreamingOutput get(@PathParam("id") UUID id) {
        return streamed(id); // checked now, while a 404 can still be answered as a problem
    }

    @GET
    @Path("/{id}")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same settlement as a table for a spreadsheet", description = """
                    As text/csv: a row per producer with name, DNI, gross, deductions, net, due date and \
                    payout; saved as liquidacion-<first day of the fortnight>.csv.""")
    @Transactional(Transactional.TxType.NOT_SUPPORTED) // the rows are written in a transaction of their own
    public CsvTable getCsv(@PathParam("id") UUID id) {
        Settlement settlement = found(id); // the rows are read as the file is written
        return PaymentsCsv.settlement(settlement.periodStart,
                each -> QuarkusTransaction.requiringNew().run(() -> service.eachProducer(settlement, each)));
    }

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/{id}/closing")
    @Operation(summary = "Close a settlement for good", description = """
                    Computes it a last time and freezes it; closing again changes nothing. Earlier fortnights \
                    close first.""")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettlementView.class)))
    public StreamingOutput close(@PathParam("id") UUID id, @Valid @NotNull Closing closing) {
        return streamed(service.close(id));
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
    @Path("/{id}/statements/{producerId}")
    @Operation(summary = "A producer's statement: every lot, bonus, penalty, adjustment and instalment",
            description = "A producer reads only their own.")
    public Statement statement(@PathParam("id") UUID id, @PathParam("producerId") UUID producerId) {
        return service.statement(id, producerId);
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
    @Path("/{id}/statements/{producerId}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The same statement, printable, in Spanish")
    public String statementHtml(@PathParam("id") UUID id, @PathParam("producerId") UUID producerId) {
        return StatementHtml.render(service.statement(id, producerId));
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
    @Path("/{id}/statements/{producerId}")
    @Produces(PDF)
    @Operation(summary = "The same statement as PDF, ready to hand to the producer", description = """
                    Printed from the HTML statement's template, DejaVu Sans embedded; saved as \
                    liquidacion-<DNI>-<first day of the fortnight>.pdf.""")
    public Response statementPdf(@PathParam("id") UUID id, @PathParam("producerId") UUID producerId) {
        Statement statement = service.statement(id, producerId);
        String who = statement.producerNationalId() != null ? statement.producerNationalId() : producerId.toString();
        return pdf(StatementPdf.print(StatementHtml.render(statement)),
                "liquidacion-" + who + "-" + statement.periodStart() + ".pdf");
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
    @Path("/{id}/statements/{producerId}")
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same statement as a table for a spreadsheet", description = """
                    As text/csv: a row per line (lot, rejected lot, bonus, penalty, adjustment), a row per \
                    instalment deducted, then gross, deductions and net; saved as \
                    liquidacion-<DNI>-<first day of the fortnight>.csv.""")
    public CsvTable statementCsv(@PathParam("id") UUID id, @PathParam("producerId") UUID producerId) {
        return PaymentsCsv.statement(statement(id, producerId));
    }

    @GET
    @Path("/{id}/statements")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Every producer's statement of a settlement in one printable page, in Spanish",
            description = "By producer name, each from a new page.")
    public String statementsHtml(@PathParam("id") UUID id) {
        Settlement settlement = service.get(id);
        return StatementHtml.renderAll(service.statements(id), settlement.periodStart, settlement.periodEnd);
    }

    @GET
    @Path("/{id}/statements")
    @Produces(PDF)
    @Operation(summary = "Every producer's statement of a settlement in one PDF", description = """
                    One section per producer, each from a new page, by producer name; saved as \
                    liquidaciones-<first day of the fortnight>.pdf.""")
    public Response statementsPdf(@PathParam("id") UUID id) {
        Settlement settlement = service.get(id);
        String html = StatementHtml.renderAll(service.statements(id), settlement.periodStart, settlement.periodEnd);
        return pdf(StatementPdf.print(html), "liquidaciones-" + settlement.periodStart + ".pdf");
    }

    private static Response pdf(byte[] body, String fileName) {
        String safe = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(body, PDF).header("Content-Disposition", "attachment; filename=\"" + safe + "\"").build();
    }

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/{id}/payouts")
    @Operation(summary = "Record that a producer was paid", description = """
            On a closed settlement; lateness is \
            measured against the due date. The same payout again changes nothing.""")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SettlementView.class)))
    public StreamingOutput pay(@PathParam("id") UUID id, @Valid @NotNull PayoutRequest payout) {
        service.pay(id, payout);
        return streamed(service.get(id));
    }

    @POST
    @RolesAllowed(Roles.TREASURER)
    @Path("/{id}/payouts/batch")
    @Operation(summary = "Record up to 10,000 payouts of a closed settlement at once", description = """
                    A fortnight's transfers in one request. Each payout on its own: a refused one (a future date, \
                    a producer not in the settlement, one already paid on another day) does not block the others. \
                    The answer lists, in request order, RECORDED or UNCHANGED (the same payout again) with the \
                    producer's totals, or REFUSED with the problem. Sending the batch again changes nothing.""")
    public PayoutBatchResult payAll(@PathParam("id") UUID id, @Valid @NotNull PayoutBatch batch) {
        return service.payAll(id, batch.payouts());
    }
}

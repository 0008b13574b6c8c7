package org.articula.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.mapping.ProducerListCsv;
import org.articula.contracts.rest.dto.ImportReport;
import org.articula.contracts.rest.dto.ProducerRequest;
import org.articula.contracts.rest.dto.ProducerUpdate;
import org.articula.contracts.rest.dto.ProducerView;
import org.articula.contracts.service.ProducerService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/organisations/{organisationId}/producers")
@Consumes(MediaType.APPLICATION_JSON) // every body read here is JSON (the CSV import says its own)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Producers", description = "Producers registered by an organisation")
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class ProducerResource {

    @Inject
    ProducerService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Register a producer", description = """
                    Idempotent by the client-supplied id: 201 when created, 200 with the stored one on repeat. \
                    A DNI/RUC already registered in the organisation is a 409.""")
    @Extension(name = CreatedResponse.CREATED, value = "Registered")
    public RestResponse<ProducerView> register(@PathParam("organisationId") UUID organisationId,
            @Valid @NotNull ProducerRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.register(organisationId, request).map(ContractsMapper::view),
                ProducerView::id, uri);
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/import")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @Operation(summary = "Register many producers from a CSV file", description = """
                    Header line with columns nationalId, name, district and optionally region, phone, groupId, id, \
                    noticesOptIn (sí/no), noticeChannel (SMS/WHATSAPP) (or their Spanish names: dni, nombre, \
                    distrito, región, teléfono, avisos, canal). groupId, when given, is the \
                    group of the rows that name none. All rows or none: if any row is refused, the 400 problem \
                    lists each one as rows[line].field.""")
    public ImportReport importCsv(@PathParam("organisationId") UUID organisationId,
            @QueryParam("groupId") UUID groupId, String csv) {
        return service.importCsv(organisationId, groupId, csv);
    }

    @GET
    @Operation(summary = "List the organisation's producers, by name", description = """
                    groupId narrows to one group; q finds by the words of the name (accents and case aside) \
                    or, when it is digits, by the start of the DNI/RUC; id (repeated, up to 50) narrows to those \
                    producers, so a screen names the producers of its lots in one call (ids of another \
                    organisation's producers are left out, like unknown ones).""")
    public List<ProducerView> list(@PathParam("organisationId") UUID organisationId,
            @QueryParam("groupId") UUID groupId, @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("id") @Size(max = 50) List<UUID> ids,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return service.page(organisationId, groupId, q, ids, page, size).stream().map(ContractsMapper::view)
                .toList();
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same producers as a table for a spreadsheet", description = """
                    As text/csv: a row per producer with their network's name; saved as \
                    productores-<organisation name>.csv (-pagina-<n> after the first page).""")
    public CsvTable listCsv(@PathParam("organisationId") UUID organisationId,
            @QueryParam("groupId") UUID groupId, @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        ProducerService.Listing listing = service.listing(organisationId, groupId, q, page, size);
        return ProducerListCsv.table(
                "productores-" + listing.organisationName() + (page == 0 ? "" : "-pagina-" + (page + 1)),
                listing.producers().stream().map(ContractsMapper::view).toList(), listing.groupNames());
    }

    @GET
    @Path("/{producerId}")
    @Operation(summary = "Get a producer")
    public ProducerView get(@PathParam("organisationId") UUID organisationId,
            @PathParam("producerId") UUID producerId) {
        return ContractsMapper.view(service.get(organisationId, producerId));
    }

    @PUT
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{producerId}")
    @Operation(summary = "Change a producer's name, place, phone, group or notice preferences", description = """
                    Send the version you read; a stale version is a 409 concurrent-modification. With \
                    noticesOptIn true the phone must be a Peruvian mobile +519xxxxxxxx (else a 400 naming phone).""")
    public ProducerView update(@PathParam("organisationId") UUID organisationId,
            @PathParam("producerId") UUID producerId, @Valid @NotNull ProducerUpdate update) {
        return ContractsMapper.view(service.update(organisationId, producerId, update));
    }
}

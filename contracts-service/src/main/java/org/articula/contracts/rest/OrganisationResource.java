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
import org.articula.contracts.domain.OrganisationKind;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.rest.dto.OrganisationRequest;
import org.articula.contracts.rest.dto.OrganisationUpdate;
import org.articula.contracts.rest.dto.OrganisationView;
import org.articula.contracts.service.OrganisationService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Buyers, cooperatives/associations and producer groups")
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Register an organisation", description = """
                    The caller's own organisation (the id in their token) or one of its producer groups. \
                    Idempotent by the client-supplied id: 201 when created, 200 with the stored one on repeat.""")
    @Extension(name = CreatedResponse.CREATED, value = "Registered")
    public RestResponse<OrganisationView> register(@Valid @NotNull OrganisationRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.register(request).map(ContractsMapper::view), OrganisationView::id, uri);
    }

    @GET
    @Operation(summary = "List the caller's organisation and its producer groups, by name", description = """
                    kind narrows (PRODUCER_GROUP: the networks); q finds by the words of the name, \
                    accents and case aside.""")
    public List<OrganisationView> list(@QueryParam("kind") OrganisationKind kind,
            @QueryParam("q") @Size(max = 100) String q,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return service.ownPage(kind, q, page, size).stream()
                .map(ContractsMapper::view).toList();
    }

    @GET
    @Path("/buyers")
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Organisations that can buy under an agreement of the caller's producers", description = """
                    The caller's own (when it buys itself) and the buyers of its agreements so far; with \
                    ruc, the registered organisation holding that RUC, to start an agreement with a new buyer.""")
    public List<OrganisationView> buyers(@QueryParam("ruc") String ruc) {
        return service.buyers(ruc).stream().map(ContractsMapper::view).toList();
    }

    @PUT
    @Path("/{organisationId}")
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Change the name, RUC or place of the caller's organisation or one of its producer groups",
            description = "Kind and parent do not change. Send the version you read; a stale one is a 409.")
    public OrganisationView update(@PathParam("organisationId") UUID organisationId,
            @Valid @NotNull OrganisationUpdate update) {
        return ContractsMapper.view(service.update(organisationId, update));
    }

    @GET
    @Path("/{organisationId}")
    @Operation(summary = "Get the caller's organisation or one of its producer groups")
    public OrganisationView get(@PathParam("organisationId") UUID organisationId) {
        return ContractsMapper.view(service.visible(organisationId));
    }
}

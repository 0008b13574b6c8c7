package org.articula.contracts.rest;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.articula.contracts.domain.Organisation;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.rest.dto.OrganisationRequest;
import org.articula.contracts.rest.dto.OrganisationView;
import org.articula.contracts.service.Created;
import org.articula.contracts.service.OrganisationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Buyers, cooperatives/associations and producer groups")
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @POST
    @Operation(summary = "Register an organisation",
            description = "Idempotent by the client-supplied id: 201 when created, 200 with the stored one on repeat.")
    public Response register(@Valid @NotNull OrganisationRequest request, @Context UriInfo uri) {
        Created<Organisation> created = service.register(request);
        OrganisationView view = ContractsMapper.view(created.value());
        return CreatedResponse.of(created, view.id(), view, uri);
    }

    @GET
    @Path("/{organisationId}")
    @Operation(summary = "Get an organisation")
    public OrganisationView get(@PathParam("organisationId") UUID organisationId) {
        return ContractsMapper.view(service.get(organisationId));
    }
}

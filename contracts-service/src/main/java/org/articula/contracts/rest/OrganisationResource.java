package org.articula.contracts.rest;

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
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations", description = "Buyers, cooperatives/associations and producer groups")
@RetryLostRace
public class OrganisationResource {

    @Inject
    OrganisationService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Register an organisation",
            description = "The caller's own organisation (the id in their token) or one of its producer groups. "
                    + "Idempotent by the client-supplied id: 201 when created, 200 with the stored one on repeat.")
    public Response register(@Valid @NotNull OrganisationRequest request, @Context UriInfo uri) {
        Created<Organisation> created = service.register(request);
        OrganisationView view = ContractsMapper.view(created.value());
        return CreatedResponse.of(created, view.id(), view, uri);
    }

    @GET
    @Path("/{organisationId}")
    @RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
    @Operation(summary = "Get the caller's organisation or one of its producer groups")
    public OrganisationView get(@PathParam("organisationId") UUID organisationId) {
        return ContractsMapper.view(service.visible(organisationId));
    }
}

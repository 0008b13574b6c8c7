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
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.rest.dto.ProductRequest;
import org.articula.contracts.rest.dto.ProductView;
import org.articula.contracts.service.ProductService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/organisations/{organisationId}/products")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Products", description = "The common catalogue and a buyer's own products")
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class ProductResource {

    @Inject
    ProductService service;

    @GET
    @Operation(summary = "Products an organisation can buy under an agreement")
    public List<ProductView> list(@PathParam("organisationId") UUID organisationId) {
        return service.availableTo(organisationId).stream().map(ContractsMapper::view).toList();
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Define a product of the organisation's own", description = "201 when new, 200 on repeat.")
    @Extension(name = CreatedResponse.CREATED, value = "Defined")
    public RestResponse<ProductView> define(@PathParam("organisationId") UUID organisationId,
            @Valid @NotNull ProductRequest request,
            @Context UriInfo uri) {
        return CreatedResponse.of(service.define(organisationId, request).map(ContractsMapper::view), ProductView::code,
                uri);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "A product the organisation can buy under an agreement, by its code",
            description = "Where a defined product is read (the Location of its definition).")
    public ProductView get(@PathParam("organisationId") UUID organisationId, @PathParam("code") String code) {
        return ContractsMapper.view(service.get(organisationId, code));
    }
}

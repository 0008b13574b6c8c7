package org.articula.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.AgreementSearch;
import org.articula.contracts.domain.AgreementStatus;
import org.articula.contracts.domain.ClauseVersion;
import org.articula.contracts.mapping.ContractsMapper;
import org.articula.contracts.rest.dto.AgreementAsOf;
import org.articula.contracts.rest.dto.AgreementRequest;
import org.articula.contracts.rest.dto.AgreementView;
import org.articula.contracts.rest.dto.AmendmentRequest;
import org.articula.contracts.rest.dto.ApplicableAgreement;
import org.articula.contracts.rest.dto.ClauseVersionView;
import org.articula.contracts.rest.dto.DraftUpdate;
import org.articula.contracts.rest.dto.StatusChange;
import org.articula.contracts.rest.dto.Termination;
import org.articula.contracts.service.AgreementService;
import org.articula.platform.idempotency.Created;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/agreements")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agreements", description = "Articulation agreements, their clause versions and lifecycle")
@Transactional // views read an agreement's versions and transitions in the same unit of work as the change
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class AgreementResource {

    @Inject
    AgreementService service;
    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Register an agreement as a draft", description = """
                    Its clauses become version 1, in force from the start date. Idempotent by the \
                    client-supplied id: 201 when created, 200 with the stored one on repeat.""")
    @Extension(name = CreatedResponse.CREATED, value = "Registered as a draft")
    public RestResponse<AgreementView> create(@Valid @NotNull AgreementRequest request, @Context UriInfo uri) {
        return CreatedResponse.of(service.create(request).map(ContractsMapper::view), AgreementView::id, uri);
    }

    @GET
    @Operation(summary = "List agreements", description = """
            Those the caller's organisation is party to (as the \
            producers' organisation or as the buyer). Filters combine; newest start date first.""")
    public List<AgreementView> list(@QueryParam("organisationId") UUID organisationId,
            @QueryParam("buyerId") UUID buyerId, @QueryParam("producerId") UUID producerId,
            @QueryParam("groupId") UUID groupId, @QueryParam("product") String product,
            @QueryParam("status") AgreementStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        var search = new AgreementSearch(user.organisationId(), organisationId, buyerId, producerId, groupId, product,
                status);
        return service.page(search, page, size).stream().map(ContractsMapper::view).toList();
    }

    @GET
    @Path("/applicable")
    @Operation(summary = "Which agreement and clause version govern a producer's product on a day", description = """
                    Agreements in force that day covering the producer directly or through its group, \
                    each with the clause version in force; empty when none. The date defaults to today in Lima.""")
    public List<ApplicableAgreement> applicable(@QueryParam("producerId") @NotNull UUID producerId,
            @QueryParam("product") @NotBlank String product, @QueryParam("date") LocalDate date) {
        LocalDate day = date == null ? service.today() : date;
        return service.applicableTo(producerId, product, day).stream()
                .map(a -> ContractsMapper.applicable(a, day)).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an agreement with its versions, status changes and periods in force")
    public AgreementView get(@PathParam("id") UUID id) {
        return ContractsMapper.view(service.get(id));
    }

    @PUT
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}")
    @Operation(summary = "Change a draft's dates and clauses",
            description = "Only while DRAFT; send the version you read. A signed agreement changes by amendment.")
    public AgreementView redraft(@PathParam("id") UUID id, @Valid @NotNull DraftUpdate update) {
        return ContractsMapper.view(service.redraft(id, update));
    }

    @GET
    @Path("/{id}/as-of")
    @Operation(summary = "The agreement as it stood on a day",
            description = "Whether it was in force and which clause version governed that day.")
    public AgreementAsOf asOf(@PathParam("id") UUID id, @QueryParam("date") @NotNull LocalDate date) {
        return ContractsMapper.asOf(service.get(id), date);
    }

    @GET
    @Path("/{id}/versions")
    @Operation(summary = "Every clause version, oldest first, with the days each one governs")
    public List<ClauseVersionView> versions(@PathParam("id") UUID id) {
        return ContractsMapper.versions(service.get(id));
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}/amendments")
    @Operation(summary = "Amend a signed agreement from an effective date", description = """
                    Adds the next clause version. The effective date must follow the latest version's and \
                    fall within validity. Idempotent by the amendment id: 201 then 200.""")
    @Extension(name = CreatedResponse.CREATED, value = "Amended: the agreement with its new clause version")
    public RestResponse<AgreementView> amend(@PathParam("id") UUID id, @Valid @NotNull AmendmentRequest request,
            @Context UriInfo uri) {
        Created<ClauseVersion> created = service.amend(id, request);
        AgreementView view = ContractsMapper.view(service.get(id));
        return CreatedResponse.of(created,
                uri.getBaseUriBuilder().path(AgreementResource.class).path(id.toString()).path("versions").build(),
                view);
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}/activation")
    @Operation(summary = "Activate (sign) a draft", description = """
            Binds from the start date. Refused if the \
            producer already holds an ACTIVE agreement with the same buyer and product on overlapping dates.""")
    public AgreementView activate(@PathParam("id") UUID id, @Valid @NotNull StatusChange request) {
        return ContractsMapper.view(service.activate(id, request));
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}/suspension")
    @Operation(summary = "Suspend an active agreement from a day (today by default)")
    public AgreementView suspend(@PathParam("id") UUID id, @Valid @NotNull StatusChange request) {
        return ContractsMapper.view(service.suspend(id, request));
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}/reactivation")
    @Operation(summary = "Reactivate a suspended agreement from a day (today by default)")
    public AgreementView reactivate(@PathParam("id") UUID id, @Valid @NotNull StatusChange request) {
        return ContractsMapper.view(service.reactivate(id, request));
    }

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Path("/{id}/termination")
    @Operation(summary = "Terminate an agreement before its end, with the reason",
            description = "effectiveOn is the first day it no longer binds (today by default).")
    public AgreementView terminate(@PathParam("id") UUID id, @Valid @NotNull Termination request) {
        return ContractsMapper.view(service.terminate(id, request));
    }
}

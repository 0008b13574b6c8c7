package org.articula.lots.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.articula.lots.mapping.DisputeMapper;
import org.articula.lots.rest.dto.DisputeRequest;
import org.articula.lots.rest.dto.DisputeView;
import org.articula.lots.service.DisputeService;
import org.articula.platform.idempotency.Created;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Contesting a lot, under the lot's path. Its own root resource: JAX-RS picks the root whose path matches most
 * literally, so under {@link LotResource}'s "/api/v1/lots" the "disputes" sub-path would not be found.
 */
@Path("/api/v1/lots/{lotId}/disputes")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Disputes")
@RetryLostRace
public class LotDisputeResource {

    @Inject
    DisputeService service;

    @POST
    @RolesAllowed({ Roles.PRODUCER, Roles.CENTRE_OPERATOR, Roles.BUYER_ADMIN })
    @Operation(summary = "Contest a rejected lot (ask for its counter-sample to be re-tested)", description = """
                    By the lot's producer, its centre's operator or the organisation's buyer-admin. Only a lot \
                    whose latest revision is rejected, not voided, without an open dispute, within the contest \
                    window of the clause version that judged it (contestWindowHours from the lot's recording): \
                    otherwise 409 or 422 saying why, nothing stored. Idempotent by id: 201, then 200.""")
    @Extension(name = CreatedResponse.CREATED, value = "Opened: the dispute")
    public RestResponse<DisputeView> open(@PathParam("lotId") UUID lotId, @Valid @NotNull DisputeRequest request,
            @Context UriInfo uri) {
        Created<DisputeView> created = service.open(lotId, request).map(DisputeMapper::view);
        return CreatedResponse.of(created, uri.getBaseUriBuilder().path(DisputeResource.class)
                .path(created.value().id().toString()).build(), created.value());
    }
}

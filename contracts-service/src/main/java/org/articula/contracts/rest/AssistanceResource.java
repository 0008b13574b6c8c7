package org.articula.contracts.rest;

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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.mapping.AssistanceMapper;
import org.articula.contracts.rest.dto.AssistanceDeliveryRequest;
import org.articula.contracts.rest.dto.AssistanceDeliveryView;
import org.articula.contracts.service.AssistanceDeliveryService;
import org.articula.platform.idempotency.CreatedResponse;
import org.articula.platform.security.Roles;
import org.articula.platform.transaction.RetryLostRace;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/api/v1/agreements/{id}/assistance")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistance", description = "Technical assistance as delivered under an agreement")
@Transactional
@RetryLostRace
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class AssistanceResource {

    @Inject
    AssistanceDeliveryService service;

    @POST
    @RolesAllowed(Roles.BUYER_ADMIN)
    @Operation(summary = "Record technical assistance delivered under an agreement", description = """
                    A visit, training, veterinary or insemination service given on a day to some producers, \
                    or to the agreement's whole network when producerIds is left out. Whether it is charged to \
                    the producers is decided by the assistance clause in force that day; a charged cost is split \
                    among them to the céntimo and becomes an input-credit charge in payments-service. Only for an \
                    ACTIVE agreement, a day it was in force and not after today. Idempotent by the client-supplied \
                    id: 201 when recorded, 200 with the stored one on repeat.""")
    @Extension(name = CreatedResponse.CREATED, value = "Recorded")
    public RestResponse<AssistanceDeliveryView> record(@PathParam("id") UUID id,
            @Valid @NotNull AssistanceDeliveryRequest request,
            @Context UriInfo uri) {
        return CreatedResponse.of(service.record(id, request).map(AssistanceMapper::view), AssistanceDeliveryView::id,
                uri);
    }

    @GET
    @Operation(summary = "The technical assistance delivered under an agreement, oldest first")
    public List<AssistanceDeliveryView> list(@PathParam("id") UUID id) {
        return service.ofAgreement(id).stream().map(AssistanceMapper::view).toList();
    }
}

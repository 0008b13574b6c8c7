package org.articula.contracts.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.contracts.rest.dto.FreeAssistanceCost;
import org.articula.contracts.service.AssistanceDeliveryService;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assistance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistance", description = "Technical assistance as delivered under an agreement")
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.CENTRE_OPERATOR, Roles.TREASURER, Roles.AUDITOR })
public class FreeAssistanceResource {

    @Inject
    AssistanceDeliveryService service;

    @GET
    @Path("/free-cost")
    @Operation(summary = "What a buyer's free technical assistance cost over a period", description = """
                    The sum of the costs of the deliveries not charged to producers, from and to inclusive, in \
                    the agreements the caller's organisation is party to (for the tax incentive). A buyer the \
                    caller neither is nor has an agreement with is not found.""")
    public FreeAssistanceCost freeCost(@QueryParam("buyerId") @NotNull UUID buyerId,
            @QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to) {
        return service.freeCost(buyerId, from, to);
    }
}

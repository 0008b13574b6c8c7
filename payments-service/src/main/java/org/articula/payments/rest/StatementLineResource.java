package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.articula.payments.rest.dto.LotStatementLine;
import org.articula.payments.service.LotStatementService;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statement-lines")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements", description = "Fortnightly settlements, statements and payouts")
@Transactional
@RolesAllowed({ Roles.TREASURER, Roles.BUYER_ADMIN, Roles.AUDITOR, Roles.PRODUCER })
public class StatementLineResource {

    @Inject
    LotStatementService service;

    @GET
    @Operation(summary = "What producers' statements say about given lots", description = """
                    For each lot named that the caller may see (the organisation's staff: its lots; a producer: \
                    their own), every statement line about it, in the order the lots are named and then by \
                    fortnight: the lot's own line (LOT, or REJECTED with amount 0) and any ADJUSTMENT in a later \
                    fortnight, with the settlement (OPEN or CLOSED), the producer's due date and payout \
                    (PAID with paidOn, UNPAID, or NOT_CLOSED). Lots the caller may not see, or not settled yet, are \
                    simply absent.""")
    @APIResponse(responseCode = "200", description = "The lines, possibly none")
    @APIResponse(responseCode = "400", description = "No lotId, more than 500, or one that is not a UUID")
    public List<LotStatementLine> lines(@Parameter(description = "A lot's id; repeat for up to "
            + LotStatementService.MAX_LOTS + " lots", required = true,
            schema = @Schema(type = SchemaType.ARRAY, implementation = UUID.class, minItems = 1,
                    maxItems = LotStatementService.MAX_LOTS)) @QueryParam("lotId") List<UUID> lotIds) {
        return service.lines(lotIds);
    }
}

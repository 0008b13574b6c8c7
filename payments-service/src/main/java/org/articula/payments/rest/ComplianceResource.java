package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.domain.ComplianceScope;
import org.articula.payments.rest.dto.Compliance;
import org.articula.payments.service.ComplianceService;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/compliance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Compliance", description = "How each agreement is kept, fortnight by fortnight, by both parties")
@Transactional
@RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.BUYER_ADMIN, Roles.PRODUCER })
public class ComplianceResource {

    private static final String WHAT = "Per agreement and fortnight ([1st, 16th) and [16th, 1st of the next month)), "
            + "oldest first: committed, delivered and accepted quantity (a group agreement's are the network's), "
            + "acceptance, each numeric quality parameter's mean and worst reading, the buyer's remittance against "
            + "its due date (fortnight's end + payment term), the incentive and sanction rules met; the trend of the "
            + "last six fortnights; punctuality per agreement and per buyer; the notices raised. The organisation's "
            + "treasurer and auditor see its agreements, the buyer's users the agreements it buys under, a "
            + "producer their own and their network's; anything else is not found, like an unknown id.";

    @Inject
    ComplianceService service;

    /**
     * One operation for the four readings: they differ only in what the id names (an agreement, a producer, a
     * network or a buyer), which the path says.
     */
    @GET
    @Path("/{scope: agreements|producers|networks|buyers}/{id}")
    @Operation(summary = "The compliance of an agreement, a producer's agreements, a network's or a buyer's",
            description = WHAT)
    @APIResponse(responseCode = "200", description = "The figures of the agreements the path names")
    @APIResponse(responseCode = "400", description = "from after to, or more than 366 days")
    @APIResponse(responseCode = "404", description = """
            Something the caller may not see, unknown, or (a producer, \
            network or buyer) without agreements""")
    public Compliance view(
            @Parameter(description = """
                    What the id names: agreements (an agreement), producers (a producer's \
                    agreements and their network's), networks (a producer group's agreements) or buyers \
                    (the agreements a buyer buys under, and its punctuality)""",
                    schema = @Schema(
                            enumeration = { "agreements", "producers", "networks",
                                    "buyers" })) @PathParam("scope") String scope,
            @Parameter(description = "The agreement's, producer's, network's or buyer's id") @PathParam("id") UUID id,
            @Parameter(description = FROM) @QueryParam("from") LocalDate from,
            @Parameter(description = TO) @QueryParam("to") LocalDate to) {
        return service.view(scopeNamed(scope), id, from, to);
    }

    private static ComplianceScope scopeNamed(String path) {
        return switch (path) {
            case "agreements" -> ComplianceScope.AGREEMENT;
            case "producers" -> ComplianceScope.PRODUCER;
            case "networks" -> ComplianceScope.NETWORK;
            default -> ComplianceScope.BUYER;
        };
    }

    private static final String FROM = "First day of the range (widened to its fortnight); three months before to "
            + "when absent";
    private static final String TO = "Last day of the range (widened to its fortnight); today (America/Lima) when "
            + "absent";
}

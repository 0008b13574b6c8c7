package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.rest.dto.BuyerDues;
import org.articula.payments.service.BuyerDuesService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buyer-dues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "What buyers paid against what members were owed and paid")
@Transactional
public class BuyerDuesResource {

    @Inject
    BuyerDuesService service;

    @GET
    @RolesAllowed({ Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
    @Operation(summary = "What a buyer owes and when, per fortnight",
            description = "Per fortnight ([1st, 16th) and [16th, 1st of the next month)), newest first, per supplying "
                    + "organisation and product: lots delivered under the buyer's agreements, quantity delivered and "
                    + "accepted, the amount due (the members' gross as the organisation's settlement computed it; null "
                    + "until the fortnight is run, settled true once it is closed), the due date by the agreements' "
                    + "payment terms, what the buyer remitted and the balance; totals per fortnight. The buyer's "
                    + "users see every supplying organisation; an organisation with agreements with the buyer sees "
                    + "only its own lines; any other buyer id is not found, like an unknown one.")
    @APIResponse(responseCode = "200", description = "The buyer's dues")
    @APIResponse(responseCode = "400", description = "from after to, or more than 366 days")
    @APIResponse(responseCode = "404", description = "A buyer the caller's organisation does not supply, or unknown")
    public BuyerDues dues(
            @Parameter(
                    description = "The buyer organisation; the caller's organisation when absent") @QueryParam("buyerId") UUID buyerId,
            @Parameter(description = "First day of the range (widened to its fortnight); three months before to "
                    + "when absent") @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day of the range (widened to its fortnight); today (America/Lima) when "
                    + "absent") @QueryParam("to") LocalDate to) {
        return service.dues(buyerId, from, to);
    }

    @GET
    @RolesAllowed({ Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "What a buyer owes and when, per fortnight, as CSV",
            description = "The same rows as the JSON, one per fortnight, organisation and product, then the "
                    + "fortnight's total; saved as deuda-comprador-<from>-al-<to>.csv.")
    public CsvTable duesCsv(@QueryParam("buyerId") UUID buyerId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        return PaymentsCsv.buyerDues(dues(buyerId, from, to));
    }
}

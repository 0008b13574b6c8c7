package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.rest.dto.BuyerDues;
import org.articula.payments.service.BuyerDuesService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/buyer-dues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation", description = "What buyers paid against what members were owed and paid")
@Transactional
@RolesAllowed({ Roles.BUYER_ADMIN, Roles.TREASURER, Roles.AUDITOR })
public class BuyerDuesResource {

    @Inject
    BuyerDuesService service;

    @GET
    @Operation(summary = "What a buyer owes and when, per fortnight", description = """
                    Per fortnight ([1st, 16th) and [16th, 1st of the next month)), newest first, per supplying \
                    organisation and product: lots delivered under the buyer's agreements, quantity delivered and \
                    accepted, the amount due (the members' gross as the organisation's settlement computed it; null \
                    until the fortnight is run, settled true once it is closed), the due date by the agreements' \
                    payment terms, what the buyer remitted and the balance; totals per fortnight. The buyer's \
                    users see every supplying organisation; an organisation with agreements with the buyer sees \
                    only its own lines; any other buyer id is not found, like an unknown one.""")
    @APIResponse(responseCode = "200", description = "The buyer's dues")
    @APIResponse(responseCode = "400", description = "from after to, or more than 366 days")
    @APIResponse(responseCode = "404", description = "A buyer the caller's organisation does not supply, or unknown")
    public BuyerDues dues(@BeanParam BuyerDuesQuery query) {
        return service.dues(query.buyerId, query.from, query.to);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "What a buyer owes and when, per fortnight, as CSV", description = """
                    The same rows as the JSON, one per fortnight, organisation and product, then the \
                    fortnight's total; saved as deuda-comprador-<from>-al-<to>.csv.""")
    public CsvTable duesCsv(@BeanParam BuyerDuesQuery query) {
        return PaymentsCsv.buyerDues(dues(query));
    }
}

package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.payments.mapping.PurchaseLedgerFiles;
import org.articula.payments.rest.dto.PurchaseLedger;
import org.articula.payments.service.PurchaseLedgerService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/purchase-ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase ledger", description = "Purchases from small producers and their purchase settlements "
        + "(liquidaciones de compra, Ley 32434)")
@Transactional
public class PurchaseLedgerResource {

    private static final String ORGANISATION = "The organisation that settles and pays the producers; the caller's "
            + "when absent. Another organisation's is not found.";
    private static final String FROM = "First day of the period: fortnights starting before it are left out";
    private static final String TO = "Last day of the period (at most 366 days after from): fortnights ending "
            + "after it are left out";

    @Inject
    PurchaseLedgerService service;

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.BUYER_ADMIN, Roles.AUDITOR })
    @Operation(summary = "Purchases from small producers in a period, with their purchase settlements",
            description = "Every purchase from a small producer (a DNI, or a RUC starting with 10, 15 or 17; a "
                    + "company's RUC 20 is left out) in the organisation's closed settlements whose fortnight lies "
                    + "within [from, to]: one row per producer, product and settlement with the quantity accepted and "
                    + "the amount (the producer's gross for that product, so a producer's rows of one settlement sum "
                    + "to its gross), the purchase settlement (liquidación de compra) number, series-correlative as "
                    + "E001-00000042, issued when the settlement closed and dated that day in Lima; totals per "
                    + "producer and in all. Open fortnights are not in it. Nothing is sent to SUNAT.")
    @APIResponse(responseCode = "200", description = "The ledger")
    @APIResponse(responseCode = "400", description = "from or to missing, from after to, or more than 366 days")
    @APIResponse(responseCode = "404", description = "Another organisation, or an unknown one")
    public PurchaseLedger ledger(
            @Parameter(description = ORGANISATION) @QueryParam("organisationId") UUID organisationId,
            @Parameter(description = FROM, required = true) @QueryParam("from") LocalDate from,
            @Parameter(description = TO, required = true) @QueryParam("to") LocalDate to) {
        return service.ledger(organisationId, from, to);
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.BUYER_ADMIN, Roles.AUDITOR })
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same ledger as CSV",
            description = "A row per purchase (Compra), then a row per producer (Total del productor) and the grand "
                    + "total (Total); saved as registro-compras-<from>-<to>.csv.")
    public CsvTable ledgerCsv(@QueryParam("organisationId") UUID organisationId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        return PurchaseLedgerFiles.csv(ledger(organisationId, from, to));
    }

    @GET
    @RolesAllowed({ Roles.TREASURER, Roles.BUYER_ADMIN, Roles.AUDITOR })
    @Produces(PurchaseLedgerFiles.XLSX)
    @Operation(summary = "The same ledger as an Excel workbook",
            description = "The CSV's rows in one sheet, amounts and quantities as numbers with 2 and 3 decimals and "
                    + "dates as dates; saved as registro-compras-<from>-<to>.xlsx.")
    public Response ledgerXlsx(@QueryParam("organisationId") UUID organisationId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        PurchaseLedger ledger = ledger(organisationId, from, to);
        return Response.ok(PurchaseLedgerFiles.xlsx(ledger), PurchaseLedgerFiles.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + PurchaseLedgerFiles.fileName(ledger)
                        + ".xlsx\"")
                .build();
    }
}

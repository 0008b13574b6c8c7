package org.articula.payments.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.articula.payments.mapping.PurchaseLedgerFiles;
import org.articula.payments.rest.dto.PurchaseLedger;
import org.articula.payments.service.PurchaseLedgerService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/purchase-ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase ledger", description = """
        Purchases from small producers and their purchase settlements \
        (liquidaciones de compra, Ley 32434)""")
@Transactional
@RolesAllowed({ Roles.TREASURER, Roles.BUYER_ADMIN, Roles.AUDITOR })
public class PurchaseLedgerResource {

    @Inject
    PurchaseLedgerService service;

    @GET
    @Operation(summary = "Purchases from small producers in a period, with their purchase settlements",
            description = """
                    Every purchase from a small producer (a DNI, or a RUC starting with 10, 15 or 17; a \
                    company's RUC 20 is left out) in the organisation's closed settlements whose fortnight lies \
                    within [from, to]: one row per producer, product and settlement with the quantity accepted and \
                    the amount (the producer's gross for that product, so a producer's rows of one settlement sum \
                    to its gross), the purchase settlement (liquidación de compra) number, series-correlative as \
                    E001-00000042, issued when the settlement closed and dated that day in Lima; totals per \
                    producer and in all. Open fortnights are not in it. Nothing is sent to SUNAT.""")
    @APIResponse(responseCode = "200", description = "The ledger")
    @APIResponse(responseCode = "400", description = "from or to missing, from after to, or more than 366 days")
    @APIResponse(responseCode = "404", description = "Another organisation, or an unknown one")
    public PurchaseLedger ledger(@BeanParam PurchaseLedgerQuery query) {
        return service.ledger(query.organisationId, query.from, query.to);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same ledger as CSV", description = """
                    A row per purchase (Compra), then a row per producer (Total del productor) and the grand \
                    total (Total); saved as registro-compras-<from>-<to>.csv.""")
    public CsvTable ledgerCsv(@BeanParam PurchaseLedgerQuery query) {
        return PurchaseLedgerFiles.csv(ledger(query));
    }

    @GET
    @Produces(PurchaseLedgerFiles.XLSX)
    @Operation(summary = "The same ledger as an Excel workbook", description = """
                    The CSV's rows in one sheet, amounts and quantities as numbers with 2 and 3 decimals and \
                    dates as dates; saved as registro-compras-<from>-<to>.xlsx.""")
    public Response ledgerXlsx(@BeanParam PurchaseLedgerQuery query) {
        PurchaseLedger ledger = ledger(query);
        return Response.ok(PurchaseLedgerFiles.xlsx(ledger), PurchaseLedgerFiles.XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + PurchaseLedgerFiles.fileName(ledger)
                        + ".xlsx\"")
                .build();
    }
}

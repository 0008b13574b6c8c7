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
import org.articula.payments.mapping.PaymentsCsv;
import org.articula.payments.rest.dto.ProducerStatementSummary;
import org.articula.payments.service.SettlementService;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settlements", description = "Fortnightly settlements, statements and payouts")
@Transactional
@RolesAllowed({ Roles.TREASURER, Roles.AUDITOR, Roles.PRODUCER })
public class StatementResource {

    @Inject
    SettlementService service;
    @Inject
    CurrentUser user;

    @GET
    @Operation(summary = "A producer's statements, newest fortnight first", description = """
                    Each fortnight settled in the caller's organisation with gross, deductions, net, due date, \
                    paid date and status; the statement itself is /api/v1/settlements/{settlementId}/statements/\
                    {producerId}. A producer lists their own (producerId defaults to the token's); another \
                    producer's, or one not of the organisation, is not found.""")
    public List<ProducerStatementSummary> list(@QueryParam("producerId") UUID producerId) {
        return service.producerStatements(producerId);
    }

    @GET
    @Produces(CsvTable.MEDIA_TYPE)
    @Operation(summary = "The same statements as a table for a spreadsheet",
            description = "As text/csv: a row per fortnight; saved as liquidaciones-socio-<DNI>.csv.")
    public CsvTable listCsv(@QueryParam("producerId") UUID producerId) {
        List<ProducerStatementSummary> found = list(producerId);
        UUID producer = producerId != null ? producerId : user.producerId().orElseThrow();
        return PaymentsCsv.producerStatements("liquidaciones-socio-" + PaymentsCsv.who(service.producerRef(producer),
                user.organisationId(), producer), found);
    }
}

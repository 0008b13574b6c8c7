package org.articula.payments.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What a purchase ledger is asked for: the same for its JSON, CSV and Excel forms. */
public class PurchaseLedgerQuery {

    @QueryParam("organisationId")
    @Parameter(description = """
            The organisation that settles and pays the producers; the caller's when absent. \
            Another organisation's is not found.""")
    UUID organisationId;

    @QueryParam("from")
    @Parameter(description = "First day of the period: fortnights starting before it are left out", required = true)
    LocalDate from;

    @QueryParam("to")
    @Parameter(description = """
            Last day of the period (at most 366 days after from): fortnights ending after it are \
            left out""", required = true)
    LocalDate to;
}

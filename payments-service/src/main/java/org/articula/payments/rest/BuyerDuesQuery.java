package org.articula.payments.rest;

import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** What a buyer's dues are asked for: the same for their JSON and CSV forms. */
public class BuyerDuesQuery {

    @QueryParam("buyerId")
    @Parameter(description = "The buyer organisation; the caller's organisation when absent")
    UUID buyerId;

    @QueryParam("from")
    @Parameter(description = "First day of the range (widened to its fortnight); three months before to when absent")
    LocalDate from;

    @QueryParam("to")
    @Parameter(description = "Last day of the range (widened to its fortnight); today (America/Lima) when absent")
    LocalDate to;
}

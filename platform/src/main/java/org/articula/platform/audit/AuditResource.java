package org.articula.platform.audit;

import static org.articula.platform.csv.Cell.dateTime;
import static org.articula.platform.csv.Cell.id;
import static org.articula.platform.csv.Cell.text;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.articula.platform.csv.CsvTable;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.articula.platform.time.BusinessClock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service answers for its own audit trail, always within the caller's organisation. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who created, changed, approved, closed or paid what, and when")
public class AuditResource {

    /** The actions services record, as the auditor reads them; another is shown as recorded. */
    static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("CREATED", "Creado"),
            Map.entry("REDRAFTED", "Borrador modificado"), Map.entry("AMENDED", "Modificado desde una fecha"),
            Map.entry("ACTIVATED", "Activado"), Map.entry("REACTIVATED", "Reactivado"),
            Map.entry("SUSPENDED", "Suspendido"), Map.entry("TERMINATED", "Terminado"), Map.entry("EXPIRED", "Vencido"),
            Map.entry("DEFINED", "Definido"), Map.entry("REGISTERED", "Registrado"),
            Map.entry("UPDATED", "Actualizado"),
            Map.entry("RECORDED", "Registrado"), Map.entry("CORRECTED", "Corregido"), Map.entry("VOIDED", "Anulado"),
            Map.entry("OPERATOR_ADDED", "Operador agregado"), Map.entry("COMPUTED", "Calculado"),
            Map.entry("CLOSED", "Cerrado"), Map.entry("PAID", "Pago registrado"), Map.entry("CANCELLED", "Anulado"));
    static final Map<String, String> RESOURCES = Map.of("Agreement", "Acuerdo", "Product", "Producto",
            "Producer", "Productor", "Organisation", "Organización", "Lot", "Lote", "CollectionCentre",
            "Centro de acopio",
            "Settlement", "Liquidación", "Remittance", "Pago del comprador", "Charge", "Cargo");

    @Inject
    AuditTrail trail;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.BUYER_ADMIN, Roles.TREASURER })
    @Operation(summary = "The audit trail of a resource, oldest first", description = """
                    Entries of the caller's organisation (its resources, or changes its users made), filtered \
                    by resource type (e.g. Agreement, Lot, Settlement) and id, and by the days (in Peru, both \
                    included) they occurred from and to; the latest `limit` ones. As text/csv, the same entries \
                    as a table for a spreadsheet (auditoria-<from>-al-<to>.csv).""")
    public List<AuditEntry> entries(@QueryParam("resourceType") @Size(max = 40) String resourceType,
            @QueryParam("resourceId") @Size(max = 100) String resourceId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.invalidField("to", "es anterior a from");
        }
        Instant start = from == null ? null : from.atStartOfDay(BusinessClock.LIMA).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(BusinessClock.LIMA).toInstant();
        return trail.find(user.organisationId(), resourceType, resourceId, start, end, limit);
    }

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.BUYER_ADMIN, Roles.TREASURER })
    @Produces(CsvTable.MEDIA_TYPE)
    public CsvTable entriesCsv(@QueryParam("resourceType") @Size(max = 40) String resourceType,
            @QueryParam("resourceId") @Size(max = 100) String resourceId,
            @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<AuditEntry> entries = entries(resourceType, resourceId, from, to, limit);
        CsvTable table = CsvTable.named(
                "auditoria" + (from == null ? "" : "-" + from) + (to == null ? "" : "-al-" + to),
                "Fecha y hora (Perú)", "Acción", "Recurso", "Id del recurso", "Usuario", "Detalle");
        for (AuditEntry e : entries) {
            table.row(dateTime(e.occurredAt()), text(ACTIONS.getOrDefault(e.action(), e.action())),
                    text(RESOURCES.getOrDefault(e.resourceType(), e.resourceType())), id(e.resourceId()),
                    text(e.actor()), text(e.detail() == null ? null : e.detail().toString()));
        }
        return table;
    }
}

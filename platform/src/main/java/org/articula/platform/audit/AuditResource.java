package org.articula.platform.audit;

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
import java.util.List;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Every service answers for its own audit trail, always within the caller's organisation. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who created, changed, approved, closed or paid what, and when")
public class AuditResource {

    @Inject
    AuditTrail trail;
    @Inject
    CurrentUser user;

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.BUYER_ADMIN, Roles.TREASURER })
    @Operation(summary = "The audit trail of a resource, oldest first",
            description = "Entries of the caller's organisation (its resources, or changes its users made), filtered "
                    + "by resource type (e.g. Agreement, Lot, Settlement) and id; the latest `limit` ones.")
    public List<AuditEntry> entries(@QueryParam("resourceType") @Size(max = 40) String resourceType,
            @QueryParam("resourceId") @Size(max = 100) String resourceId,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return trail.find(user.organisationId(), resourceType, resourceId, limit);
    }
}

package org.articula.platform.inbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.Problem;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Events this service could not apply, for whoever runs the platform: listed without their payload,
 * inspected one by one, and re-driven once the cause is fixed ({@code ./articula dead-letters}).
 */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "Dead letters", description = "Events this service could not apply: inspect and re-drive them")
public class DeadLetterResource {

    @Inject
    DeadLetters deadLetters;

    @GET
    @Operation(summary = "The dead letters, newest first",
            description = "Where each event was, its type, why it failed and whether it was re-driven; no payload.")
    public List<DeadLetter> list(@QueryParam("status") DeadLetterStatus status,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.list(status, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One dead letter with its payload, to find its cause")
    @APIResponse(responseCode = "200", description = "The dead letter")
    @APIResponse(responseCode = "404", description = "No dead letter with that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public DeadLetterDetail show(@PathParam("id") UUID id) {
        return deadLetters.find(id);
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Applies a dead-lettered event again, once its cause is fixed", description = """
                    Through the same exactly-once path as consumption (inbox row and effect in one \
                    transaction). A dead letter already re-driven is answered as it is and nothing is applied again.""")
    @APIResponse(responseCode = "200", description = "Applied (now, or by an earlier re-drive)")
    @APIResponse(responseCode = "404", description = "No dead letter with that id", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @APIResponse(responseCode = "422", description = """
            It still fails (type dead-letter-still-failing, the reason in \
            detail); it stays dead-lettered""",
            content = @Content(mediaType = Problem.MEDIA_TYPE,
                    schema = @Schema(ref = "Problem")))
    public DeadLetter redrive(@PathParam("id") UUID id) {
        return deadLetters.redrive(id);
    }

    @POST
    @Path("/redrive")
    @Operation(summary = "Re-drives every dead-lettered event, oldest first",
            description = "Each one on its own, as POST /{id}/redrive; those still failing stay dead-lettered.")
    public RedriveAllResult redriveAll() {
        return deadLetters.redriveAll();
    }
}

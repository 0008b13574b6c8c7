package org.articula.platform.replay;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rebuilds of a consuming service's read model (docs/decisions/0018-read-model-rebuild.md); present only in
 * services that set {@code articula.read-model.rebuilds=enabled} at build time, those with a {@link ReadModel}.
 */
@Path("/api/v1/read-model/rebuilds")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "articula.read-model.rebuilds", stringValue = "enabled")
@Tag(name = "Read model", description = "Operating the copy this service keeps of other services' data")
public class ReadModelRebuildResource {

    @Inject
    ReadModelRebuild rebuilds;

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Rebuild the read model from the topics", description = """
                    Replays every event of the topics this service reads, from their first offset, into copies \
                    of its read-model tables, then makes the live tables equal to them in one transaction; the \
                    service keeps answering and consuming meanwhile (events wait only during that transaction). \
                    Answers at once; follow Location until status is SUCCEEDED (with the counts) or FAILED (the \
                    live tables unchanged). No body.""")
    @APIResponse(responseCode = "202", description = "Started; follow Location",
            headers = @Header(name = "Location", description = "/api/v1/read-model/rebuilds/{id}",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ReadModelRebuildView.class)))
    @APIResponse(responseCode = "409", description = "A rebuild is already running (type rebuild-running)")
    public Response start(@Context UriInfo uri) {
        ReadModelRebuildView started = rebuilds.start();
        return Response.accepted(started).location(uri.getAbsolutePathBuilder().path(started.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "A rebuild's progress and, once finished, its counts",
            description = "Kept by the instance that runs it, until that instance stops.")
    @APIResponse(responseCode = "200", description = "The rebuild")
    @APIResponse(responseCode = "404", description = "No rebuild with that id on this instance")
    public ReadModelRebuildView status(@PathParam("id") UUID id) {
        return rebuilds.find(id).orElseThrow(() -> ProblemException.notFound("La reconstrucción", id));
    }
}

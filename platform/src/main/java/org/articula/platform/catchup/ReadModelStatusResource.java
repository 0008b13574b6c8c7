package org.articula.platform.catchup;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.articula.platform.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Lets a client know, instead of guessing, whether this service has applied what other services published,
 * and whether what it recorded itself has been published. Open to every role: it carries no business data.
 */
@Path("/api/v1/read-model/status")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Read model status", description = "How far this service has caught up with the events it consumes")
public class ReadModelStatusResource {

    @Inject
    CatchUpStatus status;

    @GET
    @Operation(summary = "How far the read models have caught up, and the outbox not yet published", description = """
                    Per consumed topic and partition: the last offset applied, the end offset, the lag, the \
                    type and time of the last event applied and the dead letters; and this service's outbox \
                    events not yet published. A client that recorded something in service A waits until A's \
                    outbox.pending is 0 and then until service B's lag on A's topic is 0: B has it then.""")
    @APIResponse(responseCode = "200", description = "Measured now")
    @APIResponse(responseCode = "503", description = "Kafka did not answer", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public ReadModelStatus status() {
        return status.measure();
    }
}

package org.articula.platform.inbox;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What re-driving every dead letter did, one outcome each, in the order they were tried. */
@Schema(description = "The outcome of re-driving every dead-lettered event, oldest first")
public record RedriveAllResult(int redriven, int stillFailing, List<Outcome> outcomes) {

    @Schema(name = "RedriveOutcome")
    public record Outcome(UUID id, DeadLetterStatus status,
            @Schema(description = "Why it still fails; null when applied", nullable = true) String reason) {
    }
}

package org.articula.platform.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One dead letter with what is needed to find its cause: the whole reason and the record as consumed. */
@Schema(description = "A dead letter with its Kafka key, whole reason and payload, for inspection")
public record DeadLetterDetail(
        UUID id,
        String topic,
        int partition,
        long offset,
        @Schema(nullable = true) String key,
        @Schema(nullable = true) UUID eventId,
        @Schema(nullable = true) String eventType,
        @Schema(description = "The last failure's whole message") String reason,
        String exception,
        Instant failedAt,
        int attempts,
        DeadLetterStatus status,
        @Schema(nullable = true) Instant redrivenAt,
        @Schema(description = "The record's value when it is a JSON object (the event envelope, as a rule)",
                implementation = Object.class, nullable = true) JsonNode payload,
        @Schema(description = "The record's value as text when it is not a JSON object",
                nullable = true) String payloadText) {
}

package org.articula.platform.inbox;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A dead letter as an operator lists it: where the event was, what it was and why it failed. No payload:
 * the list shows no organisation's data (the reason is its first line only, which names the failure, not
 * the row).
 */
@Schema(description = "An event this service could not apply")
public record DeadLetter(
        UUID id,
        @Schema(description = "The topic the event was consumed from") String topic,
        int partition,
        long offset,
        @Schema(description = "Null when the record could not be read as an event", nullable = true) UUID eventId,
        @Schema(description = "e.g. LotRecorded; null when the record could not be read",
                nullable = true) String eventType,
        @Schema(description = "The last failure's message, first line") String reason,
        @Schema(description = "The last failure's exception class") String exception,
        @Schema(description = "When it was first dead-lettered") Instant failedAt,
        @Schema(description = "Times it was tried: by the consumer, then by each re-drive") int attempts,
        DeadLetterStatus status,
        @Schema(description = "When a re-drive applied it", nullable = true) Instant redrivenAt) {
}

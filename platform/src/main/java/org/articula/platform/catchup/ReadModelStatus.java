package org.articula.platform.catchup;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How far this service has applied the topics it consumes, and how much of its own outbox is not yet
 * published. Offsets, counts and event types only: no business data.
 *
 * <p>payments-service has every lot recorded in lots-service when, asked in this order, lots-service's
 * {@code outbox.pending} is 0 and then payments-service's lag on lots.events is 0.
 */
@Schema(description = "How far this service's read models have caught up, and what its outbox has not yet published")
public record ReadModelStatus(
        String service,
        @Schema(description = "When this was measured") Instant checkedAt,
        @Schema(description = "True when every consumed partition has lag 0 (dead letters aside)") boolean caughtUp,
        @Schema(description = "Whether the consumer is running; false also when the service consumes nothing") boolean consuming,
        @Schema(description = "Per consumed topic; empty when the service consumes none") List<Topic> topics,
        @Schema(description = "Events this service could not apply, waiting for a re-drive") long deadLetters,
        Outbox outbox) {

    @Schema(name = "ReadModelTopicStatus")
    public record Topic(String topic,
            @Schema(description = "Events on the topic not yet applied, all partitions together") long lag,
            long deadLetters,
            List<Partition> partitions) {
    }

    @Schema(name = "ReadModelPartitionStatus")
    public record Partition(int partition,
            @Schema(description = "Offset of the last event applied (or dead-lettered); null when none yet",
                    nullable = true) Long lastAppliedOffset,
            @Schema(description = "Offset the next event published will take") long endOffset,
            @Schema(description = "Events published and not yet applied") long lag,
            @Schema(description = "Type of the last event applied, e.g. LotRecorded",
                    nullable = true) String lastEventType,
            @Schema(description = "When the last event was applied", nullable = true) Instant lastAppliedAt,
            long deadLetters) {
    }

    @Schema(name = "OutboxStatus")
    public record Outbox(
            @Schema(description = "The topic this service publishes to") String topic,
            @Schema(description = "Events recorded and not yet published") long pending,
            @Schema(description = "When the oldest of them was recorded", nullable = true) Instant oldestPendingAt,
            @Schema(description = "Its age in seconds", nullable = true) Long oldestPendingAgeSeconds) {
    }
}

package org.articula.platform.replay;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A read-model rebuild as its status resource shows it. */
public record ReadModelRebuildView(
        UUID id,
        @Schema(description = "RUNNING, then SUCCEEDED or FAILED") String status,
        @Schema(description = """
                PREPARING (shadow tables), REPLAYING (every event from the start of each topic), \
                SWAPPING (events paused, the live tables made equal to the rebuilt ones), DONE""") String phase,
        Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @Schema(description = "Events applied to the rebuilt tables, from offset 0 of every topic the service reads") long eventsReplayed,
        @Schema(description = "Events the handler refused during the replay (kept as dead-lettered in the inbox)") long eventsFailed,
        @Schema(description = "Inbox rows the live inbox lacked and got from the rebuild") long inboxRowsRestored,
        @Schema(description = "Per table, once swapped: its rows and what the swap changed in the live table") List<TableCounts> tables,
        @Schema(nullable = true,
                description = "Why it failed, for a FAILED rebuild; the live tables are then unchanged") String error) {

    public record TableCounts(String table, long rows, long inserted, long updated, long deleted) {
    }
}

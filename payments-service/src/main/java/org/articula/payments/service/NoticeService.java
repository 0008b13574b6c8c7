package org.articula.payments.service;

import static org.articula.platform.events.Payload.text;
import static org.articula.platform.events.Payload.uuid;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.articula.payments.domain.Notice;
import org.articula.payments.domain.NoticeRecipient;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Settlement;
import org.articula.payments.mapping.LotNoticeFacts;
import org.articula.payments.repository.NoticeRepository;
import org.articula.platform.events.EventEnvelope;

/**
 * Writes the notices to producers in the transaction of what they announce (an event applied, a settlement
 * closed, a payout recorded), for producers who opted in; the dispatcher sends them later. Each is written once
 * per source, producer and kind, so an event consumed again adds none; a read-model rebuild's replay writes none.
 */
@ApplicationScoped
public class NoticeService {

    /** lots-service's event for a decided dispute. */
    public static final String DISPUTE_DECIDED = "DisputeDecided";

    @Inject
    NoticeRepository notices;
    @Inject
    Clock clock;

    /** A verdict notice for each lot recorded, and for each correction that changed the verdict (not an overturn). */
    public void lotEvents(List<EventEnvelope> events) {
        List<EventEnvelope> told = events.stream().filter(NoticeService::tellsAVerdict).toList();
        if (told.isEmpty() || notices.replaying()) {
            return;
        }
        Map<UUID, NoticeRecipient> recipients = notices.recipients(told.stream()
                .map(e -> uuid(e.payload().path("lot"), "producerId")).collect(Collectors.toSet()));
        for (EventEnvelope event : told) {
            JsonNode lot = event.payload().path("lot");
            NoticeRecipient to = recipients.get(uuid(lot, "producerId"));
            if (to != null) {
                notices.save(Notice.lotVerdict(event.eventId(), to, LotNoticeFacts.of(lot),
                        "LotCorrected".equals(event.type())), clock.instant());
            }
        }
    }

    private static boolean tellsAVerdict(EventEnvelope event) {
        JsonNode lot = event.payload().path("lot");
        JsonNode previous = event.payload().path("previous");
        return switch (event.type()) {
            case "LotRecorded" -> true;
            // A dispute's overturn is told once, by its DisputeDecided notice, not again as a correction.
            case "LotCorrected" -> !event.payload().hasNonNull("disputeId")
                    && (!previous.isObject() || !text(lot, "verdict").equals(text(previous, "verdict")));
            default -> false;
        };
    }

    /**
     * DisputeDecided (lots-service, api-specs/events/lots-service/DisputeDecided.schema.json): the dispute as it now
     * stands, {@code {dispute: {id, lotId, producerId, status: UPHELD|OVERTURNED, ...}}}; its outcome to the producer.
     */
    public void disputeDecided(EventEnvelope event) {
        JsonNode d = event.payload().path("dispute");
        UUID producerId = uuid(d, "producerId");
        NoticeRecipient to = notices.recipients(Set.of(producerId)).get(producerId);
        if (to != null && !notices.replaying()) {
            notices.save(Notice.disputeDecided(uuid(d, "id"), to, notices.lot(uuid(d, "lotId")).orElse(null),
                    text(d, "status")), clock.instant());
        }
    }

    /** The fortnight's net and pay date to each producer of a settlement just closed. */
    public void settlementClosed(Settlement settlement, List<ProducerSettlement> producers) {
        toEach(producers, (p, to) -> Notice.settlementClosed(settlement.id, to, settlement.periodStart,
                settlement.periodEnd, p.net, p.dueDate));
    }

    /** Payouts just recorded, each to its producer. */
    public void payoutsRecorded(Settlement settlement, List<ProducerSettlement> producers) {
        toEach(producers, (p, to) -> Notice.payoutRecorded(settlement.id, to, settlement.periodStart,
                settlement.periodEnd, p.net, p.paidOn));
    }

    // One notice per producer who can be reached; the recipients are read in one query.
    private void toEach(List<ProducerSettlement> producers,
            BiFunction<ProducerSettlement, NoticeRecipient, Notice> notice) {
        Map<UUID, NoticeRecipient> recipients = notices.recipients(producers.stream().map(p -> p.producerId)
                .collect(Collectors.toSet()));
        for (ProducerSettlement p : producers) {
            NoticeRecipient to = recipients.get(p.producerId);
            if (to != null) {
                notices.save(notice.apply(p, to), clock.instant());
            }
        }
    }
}

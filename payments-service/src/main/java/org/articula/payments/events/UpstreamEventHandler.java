package org.articula.payments.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.articula.payments.repository.ReadModelRepository;
import org.articula.payments.service.AssistanceCharges;
import org.articula.payments.service.NoticeService;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

/**
 * Keeps payments-service's copy of organisations, producers, agreement terms and lots from contracts and lots
 * events. Every event carries the whole thing with its version or revision, so a copy is replaced
 * only by a newer one: duplicates and late events change nothing, and a lot that arrives before its
 * agreement waits until the terms come. A charged AssistanceDelivered becomes the producers' charges
 * ({@link AssistanceCharges}), stored once whatever the number of times it arrives.
 */
@ApplicationScoped
public class UpstreamEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(UpstreamEventHandler.class);
    private static final Set<String> LOT_EVENTS = Set.of("LotRecorded", "LotCorrected", "LotVoided");

    @Inject
    ReadModelRepository readModel;
    @Inject
    AssistanceCharges assistanceCharges;
    @Inject
    NoticeService notices;

    @Override
    public void handle(EventEnvelope event) {
        JsonNode payload = event.payload();
        if (NoticeService.DISPUTE_DECIDED.equals(event.type())) {
            notices.disputeDecided(event); // whatever lots-service names its aggregate
            return;
        }
        switch (event.aggregateType()) {
            case "Organisation" -> readModel.saveOrganisation(payload);
            case "Producer" -> readModel.saveProducer(payload);
            case "Agreement" -> readModel.saveAgreement(payload.path("agreement"));
            case "Lot" -> {
                readModel.saveLot(payload.path("lot"));
                notices.lotEvents(List.of(event));
            }
            case "AssistanceDelivery" -> {
                // Every delivery, free or charged, counts against the clause's promise (the compliance monitor).
                readModel.saveAssistanceDelivery(payload.path("delivery"));
                assistanceCharges.record(AssistanceDeliveredJson.read(payload.path("delivery")));
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    /**
     * A burst of lots in one statement per run of consecutive lot events; any other event is applied in
     * its place, after the lots before it, so the result is the one of {@link #handle} on each in turn.
     */
    @Override
    public void handleAll(List<EventEnvelope> events) {
        List<EventEnvelope> lots = new ArrayList<>();
        for (EventEnvelope event : events) {
            if ("Lot".equals(event.aggregateType()) && !NoticeService.DISPUTE_DECIDED.equals(event.type())) {
                lots.add(event);
            } else {
                flush(lots);
                handle(event);
            }
        }
        flush(lots);
    }

    /**
     * Lot events keep no inbox row: the upsert keeps a lot at its highest revision, and a notice is written once
     * per event and producer, so a lot event applied again changes nothing (docs/decisions/0033).
     */
    @Override
    public Set<String> idempotentTypes() {
        return LOT_EVENTS;
    }

    private void flush(List<EventEnvelope> lots) {
        if (!lots.isEmpty()) {
            readModel.saveLots(lots.stream().map(e -> e.payload().path("lot")).toList());
            notices.lotEvents(lots);
            lots.clear();
        }
    }
}

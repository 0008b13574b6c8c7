package org.articula.payments.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.articula.payments.repository.ReadModelRepository;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

/**
 * Keeps payments-service's copy of producers, agreement terms and lots from contracts and lots
 * events. Every event carries the whole thing with its version or revision, so a copy is replaced
 * only by a newer one: duplicates and late events change nothing, and a lot that arrives before its
 * agreement waits until the terms come.
 */
@ApplicationScoped
public class UpstreamEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(UpstreamEventHandler.class);

    @Inject
    ReadModelRepository readModel;

    @Override
    public void handle(EventEnvelope event) {
        JsonNode payload = event.payload();
        switch (event.aggregateType()) {
            case "Producer" -> readModel.saveProducer(payload);
            case "Agreement" -> readModel.saveAgreement(payload.path("agreement"));
            case "Lot" -> readModel.saveLot(payload.path("lot"));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }
}

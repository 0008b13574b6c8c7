package org.articula.lots.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.mapping.ContractsEventMapper;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

/**
 * Keeps lots-service's copy of producers and agreement terms from contracts events. Every event
 * carries the whole producer or agreement with its version, so the copy is replaced only by a
 * newer one: duplicates and late arrivals change nothing.
 */
@ApplicationScoped
public class ContractsEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ContractsEventHandler.class);

    @Inject
    ProducerRefRepository producers;
    @Inject
    AgreementTermsRepository agreements;
    @Inject
    Clock clock;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.aggregateType()) {
            case "Producer" -> producer(event.payload());
            case "Agreement" -> agreement(event.payload().path("agreement"));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void producer(JsonNode payload) {
        ProducerRef incoming = ContractsEventMapper.producer(payload);
        ProducerRef stored = producers.findById(incoming.id);
        if (stored == null) {
            producers.persist(incoming);
        } else if (incoming.revision > stored.revision) {
            stored.organisationId = incoming.organisationId;
            stored.groupId = incoming.groupId;
            stored.nationalId = incoming.nationalId;
            stored.name = incoming.name;
            stored.revision = incoming.revision;
        }
    }

    private void agreement(JsonNode view) {
        AgreementTerms incoming = ContractsEventMapper.agreement(view, clock.instant());
        AgreementTerms stored = agreements.findById(incoming.id);
        if (stored == null) {
            agreements.persist(incoming);
        } else if (incoming.revision > stored.revision) {
            stored.replaceWith(incoming);
        }
    }
}

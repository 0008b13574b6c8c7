package org.articula.lots.events;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import org.articula.lots.domain.AgreementTerms;
import org.articula.lots.domain.Certificate;
import org.articula.lots.domain.Parcel;
import org.articula.lots.domain.ProducerRef;
import org.articula.lots.mapping.ContractsEventMapper;
import org.articula.lots.repository.AgreementTermsRepository;
import org.articula.lots.repository.CertificateRepository;
import org.articula.lots.repository.ParcelRepository;
import org.articula.lots.repository.ProducerRefRepository;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.inbox.EventHandler;
import org.jboss.logging.Logger;

/**
 * Keeps lots-service's copy of producers, agreement terms, certificates and parcels from contracts events. Every
 * event carries the whole producer or agreement with its version, so the copy is replaced only by a newer one:
 * duplicates and late arrivals change nothing. A certificate or parcel never changes once recorded: it is stored
 * the first time and a repeat is ignored.
 */
@ApplicationScoped
public class ContractsEventHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(ContractsEventHandler.class);

    @Inject
    ProducerRefRepository producers;
    @Inject
    AgreementTermsRepository agreements;
    @Inject
    CertificateRepository certificates;
    @Inject
    ParcelRepository parcels;

    @Override
    public void handle(EventEnvelope event) {
        switch (event.aggregateType()) {
            case "Producer" -> producer(event.payload());
            case "Agreement" -> agreement(event.payload().path("agreement"), event.occurredAt());
            case "Certification" -> certification(event.payload().path("certification"));
            case "Parcel" -> parcel(event.payload().path("parcel"));
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

    // Stamped with when the change happened, not when it arrived: the row is then a function of the events
    // alone, and a rebuild from the topic gives it again (docs/decisions/0018-read-model-rebuild.md).
    private void agreement(JsonNode view, Instant changedAt) {
        AgreementTerms incoming = ContractsEventMapper.agreement(view, changedAt);
        AgreementTerms stored = agreements.findById(incoming.id);
        if (stored == null) {
            agreements.persist(incoming);
        } else if (incoming.revision > stored.revision) {
            stored.replaceWith(incoming);
        }
    }

    private void certification(JsonNode payload) {
        Certificate incoming = ContractsEventMapper.certification(payload);
        if (certificates.findById(incoming.id) == null) {
            certificates.persist(incoming);
        }
    }

    private void parcel(JsonNode payload) {
        Parcel incoming = ContractsEventMapper.parcel(payload);
        if (parcels.findById(incoming.id) == null) {
            parcels.persist(incoming);
        }
    }
}

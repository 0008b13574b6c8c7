package org.articula.contracts.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.Agreement;
import org.articula.contracts.domain.AssistanceDelivery;
import org.articula.contracts.mapping.AssistanceMapper;
import org.articula.contracts.repository.AssistanceDeliveryRepository;
import org.articula.contracts.rest.dto.AssistanceDeliveryRequest;
import org.articula.contracts.rest.dto.FreeAssistanceCost;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.outbox.Outbox;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/**
 * Technical assistance as delivered: recorded under an agreement either party may see, in one transaction with
 * its audit entry and its AssistanceDelivered event. Every refusal leaves nothing stored.
 */
@ApplicationScoped
public class AssistanceDeliveryService {

    @Inject
    AgreementService agreements;
    @Inject
    AssistanceDeliveryRepository deliveries;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** Records a delivery; the same request again answers with what is stored. */
    @Transactional
    public Created<AssistanceDelivery> record(UUID agreementId, AssistanceDeliveryRequest request) {
        AssistanceDelivery.Facts facts = AssistanceMapper.facts(request);
        Agreement agreement = agreements.get(agreementId);
        AssistanceDelivery existing = deliveries.findById(request.id());
        if (existing != null) {
            return Created.repeatOrConflict(existing, existing.sameAs(facts, agreementId),
                    "El id " + request.id() + " ya identifica otra asistencia registrada");
        }
        AssistanceDelivery delivery = AssistanceDelivery.deliver(agreement, facts,
                agreements.producersCovered(agreement),
                agreements.today(), user.name(), clock.instant());
        deliveries.persist(delivery);
        audit.record("ASSISTANCE_DELIVERED", delivery.organisationId, "AssistanceDelivery", delivery.id,
                AssistanceMapper.auditDetail(delivery));
        outbox.publish(AssistanceMapper.delivered(delivery, clock.instant()));
        return Created.first(delivery);
    }

    /** An agreement's deliveries, oldest first. */
    public List<AssistanceDelivery> ofAgreement(UUID agreementId) {
        return deliveries.ofAgreement(agreements.get(agreementId).id);
    }

    /**
     * The cost of a buyer's free assistance over a period, in the agreements the caller's organisation is party to.
     * A buyer the caller neither is nor buys for is "not found", like an unknown one.
     */
    public FreeAssistanceCost freeCost(UUID buyerId, LocalDate from, LocalDate to) {
        UUID party = user.organisationId();
        if (!user.actsFor(buyerId) && !deliveries.buysFrom(party, buyerId)) {
            throw ProblemException.notFound("Comprador", buyerId);
        }
        if (to.isBefore(from)) {
            throw ProblemException.invalidField("to",
                    "el periodo termina (" + to + ") antes de empezar (" + from + ")");
        }
        AssistanceDeliveryRepository.FreeCost sum = deliveries.freeCost(buyerId, party, from, to);
        return new FreeAssistanceCost(buyerId, from, to, sum.cost(), sum.deliveries());
    }
}

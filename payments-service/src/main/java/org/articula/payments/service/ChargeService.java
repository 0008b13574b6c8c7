package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.Instalment;
import org.articula.payments.domain.PaymentsProblem;
import org.articula.payments.mapping.ChargeMapper;
import org.articula.payments.repository.ChargeRepository;
import org.articula.payments.rest.dto.Cancellation;
import org.articula.payments.rest.dto.ChargeRequest;
import org.articula.payments.rest.dto.ChargeView;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;

/** Input credit charges and their instalments. */
@ApplicationScoped
public class ChargeService {

    @Inject
    ChargeRepository charges;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** A charge of the caller's organisation; another one's is "not found". */
    public Charge get(UUID id) {
        return CallersOwn.orNotFound(user, charges.findByIdOptional(id), c -> c.organisationId, "Cargo", id);
    }

    /**
     * Records a charge split into instalments; the same request again answers with what is stored. A producer
     * payments-service does not know as the organisation's is not found, like an unknown id.
     */
    @Transactional
    public Created<Charge> record(ChargeRequest r) {
        user.requireOrganisation(r.organisationId(), "Organización", r.organisationId());
        if (!charges.isProducerOf(r.organisationId(), r.producerId())) {
            throw ProblemException.notFound("Productor", r.producerId());
        }
        Charge existing = charges.findById(r.id());
        if (existing != null) {
            boolean same = existing.organisationId.equals(r.organisationId())
                    && existing.producerId.equals(r.producerId())
                    && existing.kind == r.kind() && existing.amount.compareTo(r.amount()) == 0
                    && existing.chargeDate.equals(r.chargeDate())
                    && (r.instalments() == null || existing.instalments == r.instalments());
            return Created.repeatOrConflict(existing, same,
                    "El id " + r.id() + " ya identifica otro cargo");
        }
        Charge charge = ChargeMapper.newCharge(r, Charge.instalmentsWithin(r.instalments(), instalmentCap(r)),
                user.name(), clock.instant());
        charges.persist(charge);
        charge.schedule().forEach(charges.getEntityManager()::persist);
        audit.record("RECORDED", charge.organisationId, "Charge", charge.id, Map.of("producerId", charge.producerId,
                "amount", charge.amount, "instalments", charge.instalments));
        return Created.first(charge);
    }

    // The cap of the producer's agreements in force on the charge date, as received from contracts-service. An
    // agreement that has not arrived yet is not replaced by a default: the client is told to repeat shortly.
    private int instalmentCap(ChargeRequest r) {
        ChargeRepository.InstalmentCap cap = charges.instalmentCap(r.organisationId(), r.producerId(), r.chargeDate());
        if (cap.max() != null) {
            return cap.max();
        }
        if (cap.agreements() == 0) {
            throw new ProblemException(PaymentsProblem.TERMS_NOT_RECEIVED, "Aún no llegan a pagos los términos del "
                    + "acuerdo del productor " + r.producerId() + ", que limitan las armadas del cargo; si el acuerdo "
                    + "se acaba de activar, reintente en unos segundos. El cargo no se registró.");
        }
        throw new ProblemException(PaymentsProblem.NO_AGREEMENT_IN_FORCE, "El productor " + r.producerId()
                + " no tiene un acuerdo vigente el " + r.chargeDate() + "; el cargo no se registró.");
    }

    /** Cancels a charge nothing of which was recovered yet by a closed settlement. */
    @Transactional
    public Charge cancel(UUID id, Cancellation cancellation) {
        Charge charge = get(id);
        BigDecimal recovered = charges.recovered(List.of(id)).getOrDefault(id, Map.of()).values().stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (!charge.cancel(recovered, user.name(), clock.instant())) {
            return charge;
        }
        audit.record("CANCELLED", charge.organisationId, "Charge", charge.id, Map.of("reason", cancellation.reason()));
        return charge;
    }

    /** The caller's organisation's charge with its instalments and what was recovered of each. */
    public ChargeView view(UUID id) {
        return view(get(id));
    }

    public ChargeView view(Charge c) {
        return views(List.of(c)).get(0);
    }

    /** The charges' views, their instalments and recoveries read in two queries, not two per charge. */
    public List<ChargeView> views(List<Charge> list) {
        List<UUID> ids = list.stream().map(c -> c.id).toList();
        Map<UUID, List<Instalment>> instalments = charges.instalments(ids);
        Map<UUID, Map<Integer, BigDecimal>> recovered = charges.recovered(ids);
        return list.stream().map(c -> ChargeMapper.view(c, instalments.getOrDefault(c.id, List.of()),
                recovered.getOrDefault(c.id, Map.of()))).toList();
    }

    /**
     * A producer's charges in an organisation: the caller's organisation unless one is given (another's is not
     * found), the caller's own producer unless one is given (a producer asking for another's is not found).
     */
    public ProducerCharges ofProducer(UUID organisationId, UUID producerId) {
        UUID organisation = user.organisationOrOwn(organisationId);
        UUID producer = user.producerOrOwn(producerId);
        return new ProducerCharges(organisation, producer, charges.ofProducer(organisation, producer));
    }

    /** A producer's charges in an organisation, with the organisation and producer they were asked for. */
    public record ProducerCharges(UUID organisationId, UUID producerId, List<Charge> charges) {
    }
}

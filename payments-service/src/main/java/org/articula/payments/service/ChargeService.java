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
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.Instalment;
import org.articula.payments.domain.PaymentsProblem;
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

    static final int DEFAULT_INSTALMENTS = 2;

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
        return charges.findByIdOptional(id).filter(c -> user.actsFor(c.organisationId))
                .orElseThrow(() -> ProblemException.notFound("Cargo", id));
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
            boolean same = existing.organisationId.equals(r.organisationId()) && existing.producerId.equals(r.producerId())
                    && existing.kind == r.kind() && existing.amount.compareTo(r.amount()) == 0
                    && existing.chargeDate.equals(r.chargeDate())
                    && (r.instalments() == null || existing.instalments == r.instalments());
            return Created.repeatOrConflict(existing, same,
                    "El id " + r.id() + " ya identifica otro cargo");
        }
        int max = instalmentCap(r);
        int n = r.instalments() == null ? Math.min(DEFAULT_INSTALMENTS, max) : r.instalments();
        if (n > max) {
            throw ProblemException.invalidField("instalments", "el acuerdo del productor permite a lo más " + max
                    + " armadas");
        }
        Charge charge = new Charge();
        charge.id = r.id();
        charge.organisationId = r.organisationId();
        charge.producerId = r.producerId();
        charge.kind = r.kind();
        charge.description = r.description().strip();
        charge.amount = r.amount().setScale(2);
        charge.chargeDate = r.chargeDate();
        charge.instalments = n;
        charge.status = Charge.Status.ACTIVE;
        charge.createdBy = user.name();
        charge.createdAt = clock.instant();
        charges.persist(charge);
        Fortnight first = Fortnight.containing(r.chargeDate());
        List<BigDecimal> parts = Instalment.split(charge.amount, n);
        for (int k = 1; k <= n; k++) {
            Instalment i = new Instalment();
            i.chargeId = charge.id;
            i.number = k;
            i.dueFrom = first.plus(k).start();
            i.amount = parts.get(k - 1);
            charges.getEntityManager().persist(i);
        }
        audit.record("RECORDED", charge.organisationId, "Charge", charge.id, Map.of("producerId", charge.producerId,
                "amount", charge.amount, "instalments", n));
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
        if (charge.status == Charge.Status.CANCELLED) {
            return charge;
        }
        BigDecimal recovered = charges.recovered(id).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (recovered.signum() > 0) {
            throw new ProblemException(PaymentsProblem.CHARGE_RECOVERED, "Ya se recuperaron S/ "
                    + recovered.toPlainString() + " de este cargo; no se puede anular");
        }
        charge.status = Charge.Status.CANCELLED;
        charge.cancelledBy = user.name();
        charge.cancelledAt = clock.instant();
        audit.record("CANCELLED", charge.organisationId, "Charge", charge.id, Map.of("reason", cancellation.reason()));
        return charge;
    }

    public ChargeView view(Charge c) {
        Map<Integer, BigDecimal> recovered = charges.recovered(c.id);
        List<ChargeView.InstalmentView> parts = charges.instalments(c.id).stream()
                .map(i -> new ChargeView.InstalmentView(i.number, i.dueFrom, i.amount,
                        recovered.getOrDefault(i.number, BigDecimal.ZERO.setScale(2))))
                .toList();
        BigDecimal total = parts.stream().map(ChargeView.InstalmentView::recovered).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        BigDecimal remaining = c.status == Charge.Status.CANCELLED ? BigDecimal.ZERO.setScale(2)
                : c.amount.subtract(total).max(BigDecimal.ZERO).setScale(2);
        return new ChargeView(c.id, c.organisationId, c.producerId, c.kind, c.description, c.amount, c.chargeDate,
                c.status, total, remaining, parts);
    }

    /** A producer's charges in an organisation (the caller's right to see them is checked by the caller). */
    public List<Charge> ofProducer(UUID organisationId, UUID producerId) {
        return charges.ofProducer(organisationId, producerId);
    }
}

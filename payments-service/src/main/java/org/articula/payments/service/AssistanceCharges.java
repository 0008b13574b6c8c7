package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.articula.payments.domain.AssistanceDelivery;
import org.articula.payments.domain.Charge;
import org.articula.payments.repository.ChargeRepository;
import org.articula.platform.audit.AuditTrail;

/**
 * Charged technical assistance becomes input credit by itself: each producer's part of a charged delivery is a
 * charge with its instalments, recorded by the system. A charge already stored (the same delivery again) is
 * left as it is, so a repeated or replayed event changes nothing.
 */
@ApplicationScoped
public class AssistanceCharges {

    @Inject
    ChargeRepository charges;
    @Inject
    Clock clock;
    @Inject
    AuditTrail audit;

    /** Stores the delivery's charges not stored yet; returns how many it stored. */
    @Transactional
    public int record(AssistanceDelivery delivery) {
        List<AuditTrail.Change> recorded = new ArrayList<>();
        for (Charge charge : delivery.charges(AuditTrail.SYSTEM, clock.instant())) {
            if (charges.findById(charge.id) != null) {
                continue;
            }
            charges.persist(charge);
            charge.schedule().forEach(charges.getEntityManager()::persist);
            recorded.add(new AuditTrail.Change(charge.organisationId, "Charge", charge.id, Map.of("producerId",
                    charge.producerId, "amount", charge.amount, "instalments", charge.instalments,
                    "assistanceDeliveryId", delivery.id())));
        }
        if (!recorded.isEmpty()) {
            audit.recordBySystem("RECORDED", recorded);
        }
        return recorded.size();
    }
}

package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.Reconciliation;
import org.articula.payments.domain.Remittance;
import org.articula.payments.domain.Settlement;
import org.articula.payments.mapping.ReconciliationMapper;
import org.articula.payments.repository.ReconciliationQueries;
import org.articula.payments.repository.SettlementRepository;
import org.articula.payments.rest.dto.RemittanceRequest;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.articula.platform.security.CurrentUser;

/** Buyer remittances, and the fortnight's reconciliation against what members are owed and were paid. */
@ApplicationScoped
public class ReconciliationService {

    @Inject
    SettlementRepository settlements;
    @Inject
    ReconciliationQueries queries;
    @Inject
    Clock clock;
    @Inject
    CurrentUser user;
    @Inject
    AuditTrail audit;

    /** A remittance of the caller's organisation; another one's is "not found". */
    public Remittance get(UUID id) {
        return CallersOwn.orNotFound(user,
                Optional.ofNullable(settlements.getEntityManager().find(Remittance.class, id)),
                r -> r.organisationId, "Remesa", id);
    }

    @Transactional
    public Created<Remittance> record(RemittanceRequest r) {
        user.requireOrganisation(r.organisationId(), "Organización", r.organisationId());
        Fortnight fortnight = RequestedFortnight.startingOn(r.fortnightStart());
        if (r.receivedOn().isAfter(LocalDate.now(clock))) {
            throw ProblemException.invalidField("receivedOn", "no puede ser una fecha futura");
        }
        // Only a buyer of the organisation's agreements pays it; any other id, another organisation's buyer
        // or none at all, is answered alike, as a charge's unknown producer is.
        if (!queries.buysFrom(r.buyerId(), r.organisationId())) {
            throw ProblemException.notFound("Comprador", r.buyerId());
        }
        var em = settlements.getEntityManager();
        Remittance existing = em.find(Remittance.class, r.id());
        if (existing != null) {
            boolean same = existing.organisationId.equals(r.organisationId()) && existing.buyerId.equals(r.buyerId())
                    && existing.periodStart.equals(fortnight.start()) && existing.product.equals(r.product())
                    && existing.unit.equals(r.unit()) && existing.amount.compareTo(r.amount()) == 0
                    && existing.quantityPaid.compareTo(r.quantityPaid()) == 0
                    && existing.receivedOn.equals(r.receivedOn());
            return Created.repeatOrConflict(existing, same,
                    "El id " + r.id() + " ya identifica otra remesa");
        }
        Remittance remittance = ReconciliationMapper.newRemittance(r, fortnight, user.name(), clock.instant());
        em.persist(remittance);
        audit.record("RECORDED", remittance.organisationId, "Remittance", remittance.id, java.util.Map.of(
                "buyerId", remittance.buyerId, "periodStart", remittance.periodStart, "amount", remittance.amount));
        return Created.first(remittance);
    }

    /** The settled fortnight's reconciliation ({@link Reconciliation}); the tolerance defaults to 2 %. */
    public org.articula.payments.rest.dto.Reconciliation reconcile(UUID organisationId, LocalDate fortnightStart,
            BigDecimal tolerancePercent) {
        user.requireOrganisation(organisationId, "Organización", organisationId);
        Fortnight fortnight = RequestedFortnight.startingOn(fortnightStart);
        Settlement settlement = settlements.forFortnight(organisationId, fortnight.start(), LockModeType.NONE)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "La quincena " + fortnight.start()
                        + " aún no se liquidó; ejecute la liquidación primero"));
        return ReconciliationMapper.view(settlement, Reconciliation.of(queries.perBuyer(settlement.id, organisationId,
                fortnight.start()), settlements.producers(settlement.id), tolerancePercent, LocalDate.now(clock)));
    }
}

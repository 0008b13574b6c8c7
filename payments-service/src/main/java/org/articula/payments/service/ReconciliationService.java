package org.articula.payments.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.ProducerSettlement;
import org.articula.payments.domain.Remittance;
import org.articula.payments.domain.Settlement;
import org.articula.payments.repository.ReconciliationQueries;
import org.articula.payments.repository.SettlementRepository;
import org.articula.payments.rest.dto.Reconciliation;
import org.articula.payments.rest.dto.RemittanceRequest;
import org.articula.platform.audit.AuditTrail;
import org.articula.platform.idempotency.Created;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.security.CurrentUser;
import org.articula.platform.problem.ProblemType;

/** Buyer remittances, and the fortnight's reconciliation against what members are owed and were paid. */
@ApplicationScoped
public class ReconciliationService {

    /** Shrinkage (collected but not paid for) tolerated before it is flagged, in percent. */
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("2.00");

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
        Remittance remittance = settlements.getEntityManager().find(Remittance.class, id);
        if (remittance == null || !user.actsFor(remittance.organisationId)) {
            throw ProblemException.notFound("Remesa", id);
        }
        return remittance;
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
        Remittance remittance = new Remittance();
        remittance.id = r.id();
        remittance.organisationId = r.organisationId();
        remittance.buyerId = r.buyerId();
        remittance.periodStart = fortnight.start();
        remittance.product = r.product();
        remittance.quantityPaid = r.quantityPaid().setScale(3);
        remittance.unit = r.unit();
        remittance.amount = r.amount().setScale(2);
        remittance.receivedOn = r.receivedOn();
        remittance.reference = r.reference();
        remittance.recordedBy = user.name();
        remittance.recordedAt = clock.instant();
        em.persist(remittance);
        audit.record("RECORDED", remittance.organisationId, "Remittance", remittance.id, java.util.Map.of(
                "buyerId", remittance.buyerId, "periodStart", remittance.periodStart, "amount", remittance.amount));
        return Created.first(remittance);
    }

    public Reconciliation reconcile(UUID organisationId, LocalDate fortnightStart, BigDecimal tolerancePercent) {
        user.requireOrganisation(organisationId, "Organización", organisationId);
        Fortnight fortnight = RequestedFortnight.startingOn(fortnightStart);
        Settlement settlement = settlements.forFortnight(organisationId, fortnight.start(), LockModeType.NONE)
                .orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND, "La quincena " + fortnight.start()
                        + " aún no se liquidó; ejecute la liquidación primero"));
        BigDecimal tolerance = tolerancePercent == null ? DEFAULT_TOLERANCE : tolerancePercent;
        List<Reconciliation.Discrepancy> discrepancies = new ArrayList<>();
        List<Reconciliation.BuyerLine> buyers = new ArrayList<>();
        BigDecimal received = BigDecimal.ZERO.setScale(2);
        BigDecimal gross = BigDecimal.ZERO.setScale(2);
        for (ReconciliationQueries.BuyerFigures f : queries.perBuyer(settlement.id, organisationId, fortnight.start())) {
            BigDecimal shrinkage = f.collected().subtract(f.paidFor());
            BigDecimal percent = f.collected().signum() == 0 ? BigDecimal.ZERO.setScale(2)
                    : shrinkage.multiply(BigDecimal.valueOf(100)).divide(f.collected(), 2, RoundingMode.HALF_UP);
            BigDecimal margin = f.received().subtract(f.grossOwed());
            buyers.add(new Reconciliation.BuyerLine(f.buyerId(), f.product(), f.unit(), f.collected(), f.paidFor(),
                    shrinkage, percent, f.received(), f.grossOwed(), margin));
            received = received.add(f.received());
            gross = gross.add(f.grossOwed());
            if (f.received().signum() == 0 && f.collected().signum() > 0) {
                discrepancies.add(new Reconciliation.Discrepancy("NOT_PAID_BY_BUYER", f.buyerId(), null,
                        "El comprador no registra pago por " + f.collected().toPlainString() + " " + f.unit()
                                + " de " + f.product()));
            } else if (percent.abs().compareTo(tolerance) > 0) {
                discrepancies.add(new Reconciliation.Discrepancy("SHRINKAGE", f.buyerId(), null, "Se acopiaron "
                        + f.collected().toPlainString() + " " + f.unit() + " y el comprador pagó "
                        + f.paidFor().toPlainString() + " (" + percent.toPlainString() + " %, tolerancia "
                        + tolerance.toPlainString() + " %)"));
            }
            if (f.received().signum() > 0 && margin.signum() < 0) {
                discrepancies.add(new Reconciliation.Discrepancy("PAID_BELOW_GROSS", f.buyerId(), null,
                        "El comprador pagó S/ " + f.received().toPlainString() + ", menos que los S/ "
                                + f.grossOwed().toPlainString() + " que se deben a los productores"));
            }
        }
        List<ProducerSettlement> producers = settlements.producers(settlement.id);
        BigDecimal deductions = BigDecimal.ZERO.setScale(2);
        BigDecimal net = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        LocalDate today = LocalDate.now(clock);
        for (ProducerSettlement p : producers) {
            deductions = deductions.add(p.deductions);
            net = net.add(p.net);
            if (p.isPaid()) {
                paid = paid.add(p.net);
            } else if (p.net.signum() > 0 && today.isAfter(p.dueDate)) {
                discrepancies.add(new Reconciliation.Discrepancy("PAYOUT_OVERDUE", null, p.producerId,
                        "S/ " + p.net.toPlainString() + " vencidos el " + p.dueDate + " sin pago registrado"));
            }
        }
        return new Reconciliation(organisationId, settlement.periodStart, settlement.periodEnd,
                settlement.status.name(), tolerance, buyers,
                new Reconciliation.Totals(received, gross, deductions, net, paid, received.subtract(gross)),
                discrepancies);
    }
}

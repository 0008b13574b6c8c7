package org.articula.payments.mapping;

import java.time.Instant;
import org.articula.payments.domain.Fortnight;
import org.articula.payments.domain.Reconciliation;
import org.articula.payments.domain.Remittance;
import org.articula.payments.domain.Settlement;
import org.articula.payments.rest.dto.Reconciliation.BuyerLine;
import org.articula.payments.rest.dto.Reconciliation.Discrepancy;
import org.articula.payments.rest.dto.Reconciliation.Totals;
import org.articula.payments.rest.dto.RemittanceRequest;
import org.articula.payments.rest.dto.RemittanceView;

/** Remittances and reconciliations to and from the API's shapes; the only place that knows both. */
public final class ReconciliationMapper {

    private ReconciliationMapper() {
    }

    /** A new remittance as asked, for {@code fortnight}. */
    public static Remittance newRemittance(RemittanceRequest r, Fortnight fortnight, String by, Instant at) {
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
        remittance.recordedBy = by;
        remittance.recordedAt = at;
        return remittance;
    }

    public static RemittanceView view(Remittance r) {
        return new RemittanceView(r.id, r.organisationId, r.buyerId, r.periodStart, r.product, r.quantityPaid, r.unit,
                r.amount, r.receivedOn, r.reference);
    }

    /** The reconciliation of the settlement's fortnight (the domain's and the API's share a name). */
    public static org.articula.payments.rest.dto.Reconciliation view(Settlement s, Reconciliation r) {
        Reconciliation.Totals t = r.totals();
        return new org.articula.payments.rest.dto.Reconciliation(s.organisationId, s.periodStart, s.periodEnd,
                s.status.name(), r.tolerancePercent(), r.buyers().stream().map(ReconciliationMapper::line).toList(),
                new Totals(t.amountReceived(), t.grossOwed(), t.deductionsRecovered(), t.netOwed(), t.netPaid(),
                        t.margin()),
                r.discrepancies().stream().map(d -> new Discrepancy(d.kind().name(), d.buyerId(), d.producerId(),
                        d.message())).toList());
    }

    private static BuyerLine line(Reconciliation.BuyerLine l) {
        Reconciliation.BuyerFigures f = l.figures();
        return new BuyerLine(f.buyerId(), f.product(), f.unit(), f.collected(), f.paidFor(), l.shrinkage(),
                l.shrinkagePercent(), f.received(), f.grossOwed(), l.margin());
    }
}

package org.articula.payments.mapping;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.Instalment;
import org.articula.payments.rest.dto.ChargeRequest;
import org.articula.payments.rest.dto.ChargeView;

/** Charges from requests and to API views; the only place that knows both shapes. */
public final class ChargeMapper {

    private ChargeMapper() {
    }

    /** A new, active charge as asked, split into {@code instalments}. */
    public static Charge newCharge(ChargeRequest r, int instalments, String by, Instant at) {
        Charge charge = new Charge();
        charge.id = r.id();
        charge.organisationId = r.organisationId();
        charge.producerId = r.producerId();
        charge.kind = r.kind();
        charge.description = r.description().strip();
        charge.amount = r.amount().setScale(2);
        charge.chargeDate = r.chargeDate();
        charge.instalments = instalments;
        charge.status = Charge.Status.ACTIVE;
        charge.createdBy = by;
        charge.createdAt = at;
        return charge;
    }

    /** @param recovered what closed settlements deducted, per instalment number */
    public static ChargeView view(Charge c, List<Instalment> instalments, Map<Integer, BigDecimal> recovered) {
        List<ChargeView.InstalmentView> parts = instalments.stream()
                .map(i -> new ChargeView.InstalmentView(i.number, i.dueFrom, i.amount,
                        recovered.getOrDefault(i.number, BigDecimal.ZERO.setScale(2))))
                .toList();
        BigDecimal total = parts.stream().map(ChargeView.InstalmentView::recovered).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        return new ChargeView(c.id, c.organisationId, c.producerId, c.kind, c.description, c.amount, c.chargeDate,
                c.status, total, c.remaining(total), parts);
    }
}

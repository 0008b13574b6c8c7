package org.articula.payments.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.ChargeKind;

public record ChargeView(UUID id, UUID organisationId, UUID producerId, ChargeKind kind, String description,
        BigDecimal amount, LocalDate chargeDate, Charge.Status status, BigDecimal recovered,
        List<InstalmentView> instalments) {

    /** @param dueFrom first day of the fortnight it falls due in */
    public record InstalmentView(int number, LocalDate dueFrom, BigDecimal amount, BigDecimal recovered) {
    }
}

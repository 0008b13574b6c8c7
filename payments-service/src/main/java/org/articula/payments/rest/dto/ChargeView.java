package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.Charge;
import org.articula.payments.domain.ChargeKind;

/**
 * @param recovered what closed settlements deducted of it so far
 * @param remaining what is left to recover from later fortnights (0 once cancelled)
 */
public record ChargeView(UUID id, UUID organisationId, UUID producerId, ChargeKind kind, String description,
        @Digits(integer = 16, fraction = 2) BigDecimal amount, LocalDate chargeDate, Charge.Status status,
        @Digits(integer = 16, fraction = 2) BigDecimal recovered,
        @Digits(integer = 16, fraction = 2) BigDecimal remaining, List<InstalmentView> instalments) {

    /** @param dueFrom first day of the fortnight it falls due in */
    public record InstalmentView(int number, LocalDate dueFrom, @Digits(integer = 16, fraction = 2) BigDecimal amount,
            @Digits(integer = 16, fraction = 2) BigDecimal recovered) {
    }
}

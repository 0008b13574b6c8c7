package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record RemittanceView(UUID id, UUID organisationId, UUID buyerId, LocalDate fortnightStart, String product,
        @Digits(integer = 16, fraction = 3) BigDecimal quantityPaid, String unit,
        @Digits(integer = 16, fraction = 2) BigDecimal amount, LocalDate receivedOn, String reference) {
}

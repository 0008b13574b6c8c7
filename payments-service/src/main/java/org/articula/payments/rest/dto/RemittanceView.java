package org.articula.payments.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record RemittanceView(UUID id, UUID organisationId, UUID buyerId, LocalDate fortnightStart, String product,
        BigDecimal quantityPaid, String unit, BigDecimal amount, LocalDate receivedOn, String reference) {
}

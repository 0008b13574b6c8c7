package org.articula.payments.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** @param reference bank transfer or receipt number */
public record PayoutRequest(@NotNull UUID producerId, @NotNull LocalDate paidOn, @Size(max = 100) String reference) {
}

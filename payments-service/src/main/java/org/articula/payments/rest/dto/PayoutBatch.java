package org.articula.payments.rest.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Payouts of one settlement recorded at once, e.g. the bank transfers of a whole fortnight. Each is recorded on
 * its own: one that is refused (already paid on another day, not in the settlement) does not block the others.
 */
public record PayoutBatch(@NotNull @Size(min = 1, max = 10_000) List<@Valid @NotNull PayoutRequest> payouts) {
}

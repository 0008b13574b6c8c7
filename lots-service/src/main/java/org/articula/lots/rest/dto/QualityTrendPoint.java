package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A network's average reading of one parameter over one fortnight, weighted by the quantity delivered.
 *
 * @param groupId the producers' network ("red"); null for producers outside any network
 * @param average the weighted average, 2 decimals
 */
public record QualityTrendPoint(UUID groupId, LocalDate fortnightStart, long lots,
        @Digits(integer = 16, fraction = 3) BigDecimal quantity,
        @Digits(integer = 8, fraction = 2) BigDecimal average) {
}

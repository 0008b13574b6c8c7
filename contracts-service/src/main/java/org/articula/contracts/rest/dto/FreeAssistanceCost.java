package org.articula.contracts.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a buyer's free technical assistance cost over a period, both days inclusive (for the tax incentive).
 *
 * @param cost       the sum of the free deliveries' costs, in soles
 * @param deliveries how many free deliveries it adds up
 */
public record FreeAssistanceCost(UUID buyerId, LocalDate from, LocalDate to, BigDecimal cost, long deliveries) {
}

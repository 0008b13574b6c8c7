package org.articula.payments.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.NullableFields;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A producer's fortnight, line by line: every lot (accepted and priced, or rejected with reasons),
 * bonuses, penalties and adjustments, each instalment deducted with its charge and what remains,
 * and the totals.
 *
 * @param producerNationalId the producer's DNI (or RUC) as contracts-service last described them
 * @param organisationId     the association or cooperative that settles
 * @param organisationName   its name as contracts-service last announced it (OrganisationRegistered); null
 *                           until that event has arrived
 * @param buyerIds           the buyers of the agreements the lines price
 * @param buyerNames         their names, in the order of buyerIds; null for a buyer not announced yet
 */
public record Statement(UUID settlementId, UUID producerId, String producerName, String producerNationalId,
        UUID organisationId, String organisationName, List<UUID> buyerIds,
        @Schema(extensions = @Extension(name = NullableFields.NULLABLE_ITEMS, value = "true")) List<String> buyerNames,
        LocalDate periodStart, LocalDate periodEnd, String settlementStatus, List<Line> lines,
        List<Deduction> deductions, @Digits(integer = 16, fraction = 2) BigDecimal gross,
        @Digits(integer = 16, fraction = 2) BigDecimal totalDeductions,
        @Digits(integer = 16, fraction = 2) BigDecimal net, LocalDate dueDate, LocalDate paidOn, long daysLate) {

    /** A statement without the producer's DNI, organisation and buyers. */
    public Statement(UUID settlementId, UUID producerId, String producerName, LocalDate periodStart,
            LocalDate periodEnd, String settlementStatus, List<Line> lines, List<Deduction> deductions,
            BigDecimal gross, BigDecimal totalDeductions, BigDecimal net, LocalDate dueDate, LocalDate paidOn,
            long daysLate) {
        this(settlementId, producerId, producerName, null, null, null, List.of(), List.of(), periodStart, periodEnd,
                settlementStatus, lines, deductions, gross, totalDeductions, net, dueDate, paidOn, daysLate);
    }

    /**
     * @param kind LOT, REJECTED, VOLUME_BONUS, SHORTFALL_PENALTY, INCENTIVE or ADJUSTMENT
     * @param unit the quantity's unit (L, kg) from the line's agreement
     */
    public record Line(String kind, UUID agreementId, UUID lotId, LocalDate deliveryDate, String shift,
            @Digits(integer = 16, fraction = 3) BigDecimal quantity, String unit,
            @Digits(integer = 8, fraction = 4) BigDecimal unitPrice,
            @Digits(integer = 16, fraction = 2) BigDecimal amount, JsonNode detail) {

        /** A line whose unit is not known. */
        public Line(String kind, UUID agreementId, UUID lotId, LocalDate deliveryDate, String shift,
                BigDecimal quantity, BigDecimal unitPrice, BigDecimal amount, JsonNode detail) {
            this(kind, agreementId, lotId, deliveryDate, shift, quantity, null, unitPrice, amount, detail);
        }
    }

    /** @param remaining what of the instalment is still to recover after this fortnight */
    public record Deduction(UUID chargeId, String chargeKind, String description, LocalDate chargeDate, int instalment,
            @Digits(integer = 16, fraction = 2) BigDecimal due, @Digits(integer = 16, fraction = 2) BigDecimal applied,
            @Digits(integer = 16, fraction = 2) BigDecimal remaining) {
    }
}

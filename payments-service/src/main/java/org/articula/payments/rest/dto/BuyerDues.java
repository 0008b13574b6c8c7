package org.articula.payments.rest.dto;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a buyer owes and when, fortnight by fortnight (newest first), per supplying organisation and product:
 * what its members delivered and had accepted under the buyer's agreements, the amount due for it, its due
 * date, what the buyer remitted and the balance. Only fortnights with deliveries, settlement lines or
 * remittances are listed.
 *
 * @param from the first day of the first fortnight covered (the requested range, widened to whole fortnights)
 * @param to   the last day of the last fortnight covered
 */
public record BuyerDues(UUID buyerId, String buyerName, LocalDate from, LocalDate to, List<FortnightDues> fortnights) {

    public record FortnightDues(LocalDate periodStart, LocalDate periodEnd, List<DueLine> lines, DueTotals totals) {
    }

    /**
     * @param lotsDelivered     lots recorded (voided ones not counted), accepted or rejected
     * @param quantityDelivered their quantity, in unit
     * @param quantityAccepted  the quantity of the accepted ones
     * @param currency          of the agreements' prices (PEN unless an agreement says otherwise)
     * @param amountDue         the members' gross under the buyer's agreements, as the settlement computed it
     *                          (each producer's lines per agreement, never below 0; adjustments of earlier
     *                          fortnights paid in this one included); null until the organisation has run the
     *                          fortnight's settlement
     * @param settled           the settlement is closed, so amountDue is final
     * @param settlementStatus  OPEN (amountDue as last computed, may still change), CLOSED, or null (not run yet)
     * @param dueDate           the fortnight's last day plus the agreements' payment term
     * @param remitted          what the buyer has remitted for this fortnight's deliveries, recorded by the
     *                          organisation
     * @param lastRemittedOn    when the last of those remittances was received
     * @param balance           amountDue - remitted; null while amountDue is
     * @param overdue           something is still to pay and today is after the due date
     */
    public record DueLine(UUID organisationId, String organisationName, String product, String unit, long lotsDelivered,
            BigDecimal quantityDelivered, BigDecimal quantityAccepted, String currency, BigDecimal amountDue,
            boolean settled, String settlementStatus, LocalDate dueDate, BigDecimal remitted, LocalDate lastRemittedOn,
            BigDecimal balance, boolean overdue) {
    }

    /**
     * @param amountDue null when any line's is (a partial sum would understate the debt)
     * @param balance   null when amountDue is
     * @param settled   every line's fortnight is settled
     */
    public record DueTotals(long lotsDelivered, BigDecimal amountDue, BigDecimal remitted, BigDecimal balance,
            boolean settled) {
    }
}

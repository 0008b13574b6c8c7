package org.articula.payments.rest.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The compliance monitor for the agreements a request names (one agreement, a producer's, a network's, a
 * buyer's), per fortnight from {@code from} to {@code to}: docs/decisions/0027-compliance-monitor.md.
 *
 * @param scope    AGREEMENT, PRODUCER, NETWORK or BUYER
 * @param buyers   each buyer's punctuality over the range, each fortnight's remittance counted once per
 *                 organisation and product, and its assistance against its agreements' promises
 * @param notices  the notices raised in the range (rules that move no money)
 */
public record Compliance(String scope, UUID id, LocalDate from, LocalDate to, List<AgreementCompliance> agreements,
        List<BuyerPunctuality> buyers, List<Notice> notices) {

    /**
     * @param counterpartyType PRODUCER or PRODUCER_GROUP; for a PRODUCER_GROUP the figures are the network's
     * @param counterpartyName the producer's or the network's name, as contracts-service last announced it (null
     *                         until then); organisationName and buyerName likewise, so each party reads names
     *                         it could not look up itself
     * @param trend            the last six fortnights up to {@code to}
     * @param assistance       per calendar month touched by the range and kind of assistance the clause version
     *                         in force on the month's last day in force promises: the buyer's deliveries against it
     */
    public record AgreementCompliance(UUID agreementId, UUID organisationId, String organisationName, UUID buyerId,
            String buyerName, String counterpartyType, UUID counterpartyId, String counterpartyName, String product,
            String unit, List<FortnightCompliance> fortnights, Trend trend,
            Punctuality punctuality, List<AssistanceFigure> assistance) {
    }

    /**
     * @param month     the calendar month, e.g. 2026-10
     * @param kind      TECHNICAL_VISITS, TRAINING, VETERINARY_SERVICE or INSEMINATION
     * @param promised  visits a month the clause promises
     * @param delivered deliveries recorded in the month, free or charged
     * @param shortfall promised - delivered, 0 when as many or more were delivered
     */
    public record AssistanceFigure(String month, String kind, int promised, int delivered, int shortfall) {
    }

    /**
     * @param termsVersion      the clause version of the fortnight (in force on its last day in force)
     * @param committed         null when the terms commit to no quantity
     * @param threshold         committed x (1 - tolerance); below it the fortnight is under commitment
     * @param acceptancePercent accepted / delivered quantity, 2 decimals; null without deliveries
     * @param rulesMet          the incentive and sanction rules met at the end of the fortnight: an
     *                          ACCEPTANCE_BONUS one is paid in the next fortnight's settlement
     */
    public record FortnightCompliance(LocalDate periodStart, LocalDate periodEnd, Integer termsVersion,
            BigDecimal committed, BigDecimal threshold, BigDecimal delivered, BigDecimal accepted,
            BigDecimal acceptancePercent, boolean underCommitment, List<QualityFigure> quality,
            BuyerPayment buyerPayment, List<Rule> rulesMet) {
    }

    /**
     * @param worst the reading furthest on the wrong side of the parameter's limits (the lowest for a
     *              minimum, the highest for a maximum)
     */
    public record QualityFigure(String parameter, long readings, BigDecimal mean, BigDecimal worst) {
    }

    /**
     * @param status   NOTHING_DUE, PENDING, ON_TIME, LATE or UNPAID
     * @param paidOn   when the buyer's last remittance for the fortnight arrived; null when none
     * @param daysLate days after the due date, 0 when on time; null when unpaid or nothing is due
     */
    public record BuyerPayment(LocalDate dueDate, LocalDate paidOn, String status, Integer daysLate) {
    }

    /** @param action WARNING or SUSPENSION_PROPOSED for UNDER_COMMITMENT; null otherwise */
    public record Rule(String kind, int consecutiveFortnights, BigDecimal minAcceptancePercent,
            BigDecimal bonusPerUnit, String action) {
    }

    /** @param direction UP, DOWN, STABLE or UNKNOWN: the later half's mean acceptance against the earlier's */
    public record Trend(List<TrendPoint> fortnights, String direction) {
    }

    public record TrendPoint(LocalDate periodStart, BigDecimal committed, BigDecimal delivered, BigDecimal accepted,
            BigDecimal acceptancePercent) {
    }

    /**
     * @param due fortnights due (due date passed or paid) with something accepted
     */
    public record Punctuality(int due, int onTime, int late, int unpaid, int totalDaysLate, int maxDaysLate) {
    }

    /**
     * @param assistance the buyer's agreements' assistance added up per month and kind (the shortfall is the sum
     *                   of each agreement's: extra visits under one make up for none missing under another)
     */
    public record BuyerPunctuality(UUID buyerId, Punctuality punctuality, List<AssistanceFigure> assistance) {
    }

    /** @param figures the rule and the fortnights' figures that raised it */
    public record Notice(UUID id, UUID agreementId, LocalDate periodStart, String rule, String action,
            JsonNode figures, Instant raisedAt) {
    }
}

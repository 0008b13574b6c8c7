package org.articula.payments.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.SmallProducer;

/**
 * An organisation's purchase ledger ("registro de compras a pequeños productores", Ley 32434) for a period: every
 * purchase from a small producer in its closed settlements whose fortnight lies within [from, to], evidenced by
 * the purchase settlement ("liquidación de compra") issued when the settlement closed; totals per producer and in
 * all. Amounts in soles (PEN).
 *
 * @param organisationName the organisation's name as contracts-service last announced it; null until then
 */
public record PurchaseLedger(UUID organisationId, String organisationName, LocalDate from, LocalDate to,
        List<Purchase> purchases, List<ProducerTotal> producers, @Digits(integer = 16, fraction = 2) BigDecimal total) {

    /**
     * One product bought from one producer in one settlement.
     *
     * @param documentType             DNI or RUC, from the document's number
     * @param nationalId               the producer's DNI or RUC when the purchase settlement was issued
     * @param producerName             the producer's name then
     * @param product                  the product's code in the agreements (milk, trout, cacao...)
     * @param quantity                 the accepted quantity of the product's lots in the settlement, in unit
     * @param amount                   the producer's gross for the product in the settlement: per agreement,
     *                                 its lots, bonuses, incentives, penalties and adjustments, never below 0;
     *                                 a producer's rows of one settlement sum to its gross
     * @param purchaseSettlementNumber series and correlative, e.g. E001-00000042
     * @param purchaseSettlementDate   the day the settlement was closed, in America/Lima
     */
    public record Purchase(UUID producerId, SmallProducer.DocumentType documentType, String nationalId,
            String producerName, String product, @Digits(integer = 16, fraction = 3) BigDecimal quantity, String unit,
            @Digits(integer = 16, fraction = 2) BigDecimal amount, String purchaseSettlementNumber,
            LocalDate purchaseSettlementDate, LocalDate fortnightStart, LocalDate fortnightEnd, UUID settlementId) {
    }

    /**
     * A producer's purchases of the period, summed.
     *
     * @param purchaseSettlements how many purchase settlements evidence them (one per closed fortnight)
     */
    public record ProducerTotal(UUID producerId, SmallProducer.DocumentType documentType, String nationalId,
            String producerName, int purchaseSettlements, @Digits(integer = 16, fraction = 2) BigDecimal amount) {
    }
}

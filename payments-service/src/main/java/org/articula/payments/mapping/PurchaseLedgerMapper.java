package org.articula.payments.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.articula.payments.domain.PurchaseSettlementNumber;
import org.articula.payments.domain.SmallProducer;
import org.articula.payments.repository.PurchaseLedgerQueries.LedgerRow;
import org.articula.payments.repository.StatementLineQueries.LotLineRow;
import org.articula.payments.rest.dto.LotStatementLine;
import org.articula.payments.rest.dto.PurchaseLedger;

/** The purchase ledger and the statement lines of lots, as read, to the API's views. */
public final class PurchaseLedgerMapper {

    private PurchaseLedgerMapper() {
    }

    /**
     * The ledger: its purchases in the order read (fortnight, then number), each producer's total by name, and the
     * grand total, all sums of the rounded rows.
     */
    public static PurchaseLedger ledger(UUID organisationId, String organisationName, LocalDate from, LocalDate to,
            List<LedgerRow> rows) {
        List<PurchaseLedger.Purchase> purchases = rows.stream().map(PurchaseLedgerMapper::purchase).toList();
        List<PurchaseLedger.ProducerTotal> producers = purchases.stream()
                .collect(Collectors.groupingBy(PurchaseLedger.Purchase::producerId, LinkedHashMap::new,
                        Collectors.toList()))
                .values().stream().map(PurchaseLedgerMapper::total)
                .sorted(Comparator.comparing(PurchaseLedger.ProducerTotal::producerName)
                        .thenComparing(PurchaseLedger.ProducerTotal::producerId))
                .toList();
        return new PurchaseLedger(organisationId, organisationName, from, to, purchases, producers, sum(purchases));
    }

    // A producer's purchases, oldest fortnight first: named as on the latest purchase settlement.
    private static PurchaseLedger.ProducerTotal total(List<PurchaseLedger.Purchase> ofOne) {
        PurchaseLedger.Purchase latest = ofOne.get(ofOne.size() - 1);
        int documents = (int) ofOne.stream().map(PurchaseLedger.Purchase::purchaseSettlementNumber).distinct().count();
        return new PurchaseLedger.ProducerTotal(latest.producerId(), latest.documentType(), latest.nationalId(),
                latest.producerName(), documents, sum(ofOne));
    }

    private static BigDecimal sum(List<PurchaseLedger.Purchase> purchases) {
        return purchases.stream().map(PurchaseLedger.Purchase::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PurchaseLedger.Purchase purchase(LedgerRow r) {
        return new PurchaseLedger.Purchase(r.producerId(), SmallProducer.documentType(r.nationalId()).orElse(null),
                r.nationalId(), r.producerName(), r.product(), r.quantity(), r.unit(), r.amount(),
                new PurchaseSettlementNumber(r.series(), r.number()).toString(), r.issuedOn(), r.periodStart(),
                r.periodEnd(), r.settlementId());
    }

    public static LotStatementLine line(LotLineRow r) {
        String payout = !"CLOSED".equals(r.settlementStatus())
                ? "NOT_CLOSED"
                : r.paidOn() != null ? "PAID" : "UNPAID";
        return new LotStatementLine(r.lotId(), r.revision(), r.producerId(), r.producerName(), r.settlementId(),
                r.periodStart(), r.periodEnd(), r.settlementStatus(), r.kind(), r.deliveryDate(), r.quantity(),
                r.unit(), r.unitPrice(), r.amount(), r.dueDate(), payout, r.paidOn());
    }
}

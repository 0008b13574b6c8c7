package org.articula.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A settled fortnight seen from the organisation: per buyer and product, what members delivered against
 * what the buyer paid for (shrinkage) and what it paid against what members are owed (margin); what was
 * recovered and paid out; and every discrepancy flagged.
 *
 * @param tolerancePercent shrinkage tolerated before it is flagged, in percent
 */
public record Reconciliation(BigDecimal tolerancePercent, List<BuyerLine> buyers, Totals totals,
        List<Discrepancy> discrepancies) {

    /** Shrinkage (collected but not paid for) tolerated before it is flagged, in percent. */
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("2.00");

    /**
     * One buyer's and product's figures of the fortnight.
     *
     * @param collected accepted quantity members delivered under the buyer's agreements
     * @param paidFor   quantity the buyer's remittances pay for
     * @param received  what the buyer remitted
     * @param grossOwed what members are owed for it (each producer's lines per agreement, never below 0)
     */
    public record BuyerFigures(UUID buyerId, String product, String unit, BigDecimal collected, BigDecimal paidFor,
            BigDecimal received, BigDecimal grossOwed) {
    }

    /**
     * @param shrinkage        collected - paid for
     * @param shrinkagePercent of what was collected, HALF_UP to 2 decimals; 0 when nothing was collected
     * @param margin           received - gross owed
     */
    public record BuyerLine(BuyerFigures figures, BigDecimal shrinkage, BigDecimal shrinkagePercent,
            BigDecimal margin) {

        static BuyerLine of(BuyerFigures f) {
            BigDecimal shrinkage = f.collected().subtract(f.paidFor());
            BigDecimal percent = f.collected().signum() == 0
                    ? BigDecimal.ZERO.setScale(2)
                    : shrinkage.multiply(BigDecimal.valueOf(100)).divide(f.collected(), 2, RoundingMode.HALF_UP);
            return new BuyerLine(f, shrinkage, percent, f.received().subtract(f.grossOwed()));
        }
    }

    public record Totals(BigDecimal amountReceived, BigDecimal grossOwed, BigDecimal deductionsRecovered,
            BigDecimal netOwed, BigDecimal netPaid) {

        /** What the organisation keeps: received - gross owed. */
        public BigDecimal margin() {
            return amountReceived.subtract(grossOwed);
        }
    }

    public enum Flag {
        /** Shrinkage beyond the tolerance, either way. */
        SHRINKAGE,
        /** The buyer paid less than members are owed for what it received. */
        PAID_BELOW_GROSS,
        /** Members delivered and the buyer paid nothing (flagged instead of a 100 % shrinkage). */
        NOT_PAID_BY_BUYER,
        /** A producer's net is past its due date without a payout recorded. */
        PAYOUT_OVERDUE
    }

    /** A flag, with the buyer or the producer it is about and what it is, in Spanish. */
    public record Discrepancy(Flag kind, UUID buyerId, UUID producerId, String message) {
    }

    /**
     * Reconciles a fortnight: the buyers' figures in their order, then the producers' settlements, whose
     * overdue payouts are flagged as of {@code today}.
     *
     * @param tolerancePercent {@link #DEFAULT_TOLERANCE} when null
     */
    public static Reconciliation of(List<BuyerFigures> figures, List<ProducerSettlement> producers,
            BigDecimal tolerancePercent, LocalDate today) {
        BigDecimal tolerance = tolerancePercent == null ? DEFAULT_TOLERANCE : tolerancePercent;
        List<BuyerLine> buyers = figures.stream().map(BuyerLine::of).toList();
        List<Discrepancy> discrepancies = new ArrayList<>();
        buyers.forEach(line -> discrepancies.addAll(flags(line, tolerance)));
        producers.stream().filter(p -> overdue(p, today)).forEach(p -> discrepancies.add(new Discrepancy(
                Flag.PAYOUT_OVERDUE, null, p.producerId,
                "S/ " + p.net.toPlainString() + " vencidos el " + p.dueDate + " sin pago registrado")));
        Totals totals = new Totals(sum(figures.stream().map(BuyerFigures::received).toList()),
                sum(figures.stream().map(BuyerFigures::grossOwed).toList()),
                sum(producers.stream().map(p -> p.deductions).toList()),
                sum(producers.stream().map(p -> p.net).toList()),
                sum(producers.stream().filter(ProducerSettlement::isPaid).map(p -> p.net).toList()));
        return new Reconciliation(tolerance, buyers, totals, List.copyOf(discrepancies));
    }

    private static List<Discrepancy> flags(BuyerLine line, BigDecimal tolerance) {
        BuyerFigures f = line.figures();
        List<Discrepancy> flags = new ArrayList<>(2);
        if (f.received().signum() == 0 && f.collected().signum() > 0) {
            flags.add(new Discrepancy(Flag.NOT_PAID_BY_BUYER, f.buyerId(), null, "El comprador no registra pago por "
                    + f.collected().toPlainString() + " " + f.unit() + " de " + f.product()));
        } else if (line.shrinkagePercent().abs().compareTo(tolerance) > 0) {
            flags.add(new Discrepancy(Flag.SHRINKAGE, f.buyerId(), null, "Se acopiaron " + f.collected().toPlainString()
                    + " " + f.unit() + " y el comprador pagó " + f.paidFor().toPlainString() + " ("
                    + line.shrinkagePercent().toPlainString() + " %, tolerancia " + tolerance.toPlainString() + " %)"));
        }
        if (f.received().signum() > 0 && line.margin().signum() < 0) {
            flags.add(new Discrepancy(Flag.PAID_BELOW_GROSS, f.buyerId(), null, "El comprador pagó S/ "
                    + f.received().toPlainString() + ", menos que los S/ " + f.grossOwed().toPlainString()
                    + " que se deben a los productores"));
        }
        return flags;
    }

    private static boolean overdue(ProducerSettlement p, LocalDate today) {
        return !p.isPaid() && p.net.signum() > 0 && today.isAfter(p.dueDate);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}

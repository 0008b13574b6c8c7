package org.articula.payments.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;

/** One producer's totals in a settlement, and the payout once made. Net = gross - deductions, never below 0. */
@Entity
@Table(name = "settlement_producer")
@IdClass(ProducerSettlement.Key.class)
public class ProducerSettlement {

    /** How a treasurer reads a date (es-PE). */
    private static final DateTimeFormatter PAID_ON = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Id
    public UUID settlementId;

    @Id
    public UUID producerId;

    public BigDecimal gross;

    public BigDecimal deductions;

    public BigDecimal net;

    /** The fortnight's last day plus the agreement's payment term. */
    public LocalDate dueDate;

    public LocalDate paidOn;

    public String paidBy;

    public String paymentReference;

    public boolean isPaid() {
        return paidOn != null;
    }

    /**
     * Records that the producer was paid on a day. The same payout again (same day) changes nothing and
     * answers false; a payout on another day is refused, the first one is kept.
     */
    public boolean recordPayout(LocalDate on, String reference, String by) {
        if (isPaid()) {
            if (!paidOn.equals(on)) {
                throw new ProblemException(PaymentsProblem.PAYOUT_ALREADY_RECORDED, "Ya se registró el pago del "
                        + PAID_ON.format(paidOn));
            }
            return false;
        }
        paidOn = on;
        paidBy = by;
        paymentReference = reference;
        return true;
    }

    /** Days paid after the due date; 0 when on time or not yet paid. */
    public long daysLate() {
        return daysLate(dueDate, paidOn);
    }

    /** Days paid after the due date; 0 when on time or not yet paid. */
    public static long daysLate(LocalDate dueDate, LocalDate paidOn) {
        return paidOn == null || !paidOn.isAfter(dueDate) ? 0 : ChronoUnit.DAYS.between(dueDate, paidOn);
    }

    public static class Key implements Serializable {
        public UUID settlementId;
        public UUID producerId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(settlementId, k.settlementId)
                    && Objects.equals(producerId, k.producerId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(settlementId, producerId);
        }
    }
}

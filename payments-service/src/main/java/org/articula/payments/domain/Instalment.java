package org.articula.payments.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One part of a charge, due from the first day of its fortnight until recovered. */
@Entity
@Table(name = "instalment")
@IdClass(Instalment.Key.class)
public class Instalment {

    @Id
    public UUID chargeId;

    @Id
    public int number;

    /** First day of the fortnight the instalment falls due in. */
    public LocalDate dueFrom;

    public BigDecimal amount;

    /**
     * Splits an amount into n parts: the first n-1 are amount/n rounded down to the céntimo, the last
     * takes the remainder, so the parts always add up to the whole (S/ 100.01 in 2: 50.00 + 50.01).
     */
    public static List<BigDecimal> split(BigDecimal amount, int n) {
        BigDecimal part = amount.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<BigDecimal> parts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            parts.add(part);
        }
        parts.add(amount.subtract(part.multiply(BigDecimal.valueOf(n - 1))));
        return parts;
    }

    public static class Key implements Serializable {
        public UUID chargeId;
        public int number;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(chargeId, k.chargeId) && number == k.number;
        }

        @Override
        public int hashCode() {
            return Objects.hash(chargeId, number);
        }
    }
}

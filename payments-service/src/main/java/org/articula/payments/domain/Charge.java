package org.articula.payments.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;

/**
 * Input credit ("crédito en insumos"): concentrate feed, a veterinary service, insemination or a cash
 * advance the organisation gave a producer, recovered from the fortnightly payments "hasta en dos
 * armadas" (in up to the agreement's maximum number of instalments).
 */
@Entity
@Table(name = "charge")
public class Charge {

    /** "Hasta en dos armadas": the instalments of a charge when none are asked for, within the agreement's cap. */
    public static final int DEFAULT_INSTALMENTS = 2;

    public enum Status {
        ACTIVE,
        CANCELLED
    }

    @Id
    public UUID id;

    public UUID organisationId;

    public UUID producerId;

    @Enumerated(EnumType.STRING)
    public ChargeKind kind;

    public String description;

    public BigDecimal amount;

    public LocalDate chargeDate;

    public int instalments;

    @Enumerated(EnumType.STRING)
    public Status status;

    public String createdBy;

    public Instant createdAt;

    public String cancelledBy;

    public Instant cancelledAt;

    @Version
    public long version;

    /**
     * How many instalments a new charge is split into: as many as asked, or the default within the cap of the
     * producer's agreements in force on the charge date; more than the cap is refused.
     */
    public static int instalmentsWithin(Integer asked, int cap) {
        int n = asked == null ? Math.min(DEFAULT_INSTALMENTS, cap) : asked;
        if (n > cap) {
            throw ProblemException.invalidField("instalments", "el acuerdo del productor permite a lo más " + cap
                    + " armadas");
        }
        return n;
    }

    /**
     * Its instalments: the amount split as {@link Instalment#split} does, instalment k due from the k-th
     * fortnight counted from the one containing the charge date.
     */
    public List<Instalment> schedule() {
        Fortnight first = Fortnight.containing(chargeDate);
        List<BigDecimal> parts = Instalment.split(amount, instalments);
        List<Instalment> schedule = new ArrayList<>(instalments);
        for (int k = 1; k <= instalments; k++) {
            Instalment i = new Instalment();
            i.chargeId = id;
            i.number = k;
            i.dueFrom = first.plus(k).start();
            i.amount = parts.get(k - 1);
            schedule.add(i);
        }
        return schedule;
    }

    /**
     * Cancels it while closed settlements have recovered nothing of it; cancelling it again changes nothing
     * and answers false.
     *
     * @param recovered what closed settlements deducted of it so far
     */
    public boolean cancel(BigDecimal recovered, String by, Instant at) {
        if (status == Status.CANCELLED) {
            return false;
        }
        if (recovered.signum() > 0) {
            throw new ProblemException(PaymentsProblem.CHARGE_RECOVERED, "Ya se recuperaron S/ "
                    + recovered.toPlainString() + " de este cargo; no se puede anular");
        }
        status = Status.CANCELLED;
        cancelledBy = by;
        cancelledAt = at;
        return true;
    }

    /** What is left to recover from later fortnights: nothing once cancelled, never below 0. */
    public BigDecimal remaining(BigDecimal recovered) {
        return status == Status.CANCELLED
                ? BigDecimal.ZERO.setScale(2)
                : amount.subtract(recovered).max(BigDecimal.ZERO).setScale(2);
    }
}

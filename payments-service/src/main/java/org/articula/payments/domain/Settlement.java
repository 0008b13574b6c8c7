package org.articula.payments.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;

/**
 * The fortnightly settlement ("liquidación quincenal") of one organisation: OPEN while it may be
 * computed again (same inputs, same result), then CLOSED for good; corrections to its lots arrive
 * as adjustment lines in a later one.
 */
@Entity
@Table(name = "settlement")
public class Settlement {

    public enum Status {
        OPEN,
        CLOSED
    }

    @Id
    public UUID id;

    public UUID organisationId;

    public LocalDate periodStart;

    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** How many times it was computed. */
    public int runs;

    public Instant computedAt;

    public Instant closedAt;

    public String closedBy;

    @Version
    public long version;

    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    public Fortnight fortnight() {
        return new Fortnight(periodStart, periodEnd);
    }

    /** Closed is final: a closed settlement is never computed again; what changed goes to the next one. */
    public void requireOpen() {
        if (isClosed()) {
            throw new ProblemException(PaymentsProblem.SETTLEMENT_CLOSED, "La liquidación de la quincena "
                    + periodStart + " está cerrada y no cambia; las correcciones van en la siguiente");
        }
    }

    /** Another computation of an open settlement (same inputs, same result); counted, and when it was done. */
    public void computed(Instant at) {
        requireOpen();
        runs++;
        computedAt = at;
    }

    /** Settlements close in order: not while an earlier fortnight of the organisation is open. */
    public void requireEarlierClosed(Optional<LocalDate> earlierOpen) {
        earlierOpen.ifPresent(earlier -> {
            throw new ProblemException(PaymentsProblem.EARLIER_SETTLEMENT_OPEN, "Cierre primero la quincena "
                    + earlier + ": las liquidaciones se cierran en orden");
        });
    }

    /**
     * Closes it for good, after its last computation. Closing is idempotent: a closed settlement keeps who
     * closed it and when, and the answer is false.
     */
    public boolean close(String by, Instant at) {
        if (isClosed()) {
            return false;
        }
        status = Status.CLOSED;
        closedAt = at;
        closedBy = by;
        return true;
    }

    /** Payouts are recorded on a closed settlement only, as its nets are final. */
    public void requirePayable() {
        if (!isClosed()) {
            throw new ProblemException(PaymentsProblem.SETTLEMENT_NOT_CLOSED, "Solo se paga una liquidación cerrada");
        }
    }
}

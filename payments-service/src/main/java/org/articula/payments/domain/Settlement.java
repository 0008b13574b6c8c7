package org.articula.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The fortnightly settlement ("liquidación quincenal") of one organisation: OPEN while it may be
 * computed again (same inputs, same result), then CLOSED for good; corrections to its lots arrive
 * as adjustment lines in a later one.
 */
@Entity
@Table(name = "settlement")
public class Settlement {

    public enum Status {
        OPEN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** How many times it was computed. */
    @Column(nullable = false)
    public int runs;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Version
    public long version;

    public boolean isClosed() {
        return status == Status.CLOSED;
    }
}

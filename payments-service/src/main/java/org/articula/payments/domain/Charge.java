package org.articula.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Input credit ("crédito en insumos"): concentrate feed, a veterinary service, insemination or a cash
 * advance the organisation gave a producer, recovered from the fortnightly payments "hasta en dos
 * armadas" (in up to the agreement's maximum number of instalments).
 */
@Entity
@Table(name = "charge")
public class Charge {

    public enum Status {
        ACTIVE, CANCELLED
    }

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "producer_id", nullable = false)
    public UUID producerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChargeKind kind;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "charge_date", nullable = false)
    public LocalDate chargeDate;

    @Column(nullable = false)
    public int instalments;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Version
    public long version;
}

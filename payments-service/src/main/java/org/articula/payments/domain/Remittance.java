package org.articula.payments.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A buyer's payment to the organisation for what it received in a fortnight. */
@Entity
@Table(name = "remittance")
public class Remittance {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "buyer_id", nullable = false)
    public UUID buyerId;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(nullable = false)
    public String product;

    @Column(name = "quantity_paid", nullable = false)
    public BigDecimal quantityPaid;

    @Column(nullable = false)
    public String unit;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    public String reference;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}

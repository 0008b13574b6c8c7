package org.articula.payments.domain;

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

    public UUID organisationId;

    public UUID buyerId;

    public LocalDate periodStart;

    public String product;

    public BigDecimal quantityPaid;

    public String unit;

    public BigDecimal amount;

    public LocalDate receivedOn;

    public String reference;

    public String recordedBy;

    public Instant recordedAt;
}

package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * Something bought under an agreement, with the unit it is measured in. The common catalogue
 * (milk, trout, cacao...) has no organisation; a buyer may add its own products.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String code;

    /** Null for the common catalogue. */
    @Column(name = "organisation_id")
    public UUID organisationId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String unit;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

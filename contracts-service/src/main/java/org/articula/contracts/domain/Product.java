package org.articula.contracts.domain;

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

    public String code;

    /** Null for the common catalogue. */
    public UUID organisationId;

    public String name;

    public String unit;

    public Instant createdAt;
}

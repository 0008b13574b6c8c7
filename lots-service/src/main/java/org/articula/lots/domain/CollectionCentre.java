package org.articula.lots.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A collection centre ("centro de acopio") where producers deliver and lots are recorded. */
@Entity
@Table(name = "collection_centre")
public class CollectionCentre {

    @Id
    public UUID id;

    public UUID organisationId;

    public String name;

    public String district;

    public String region;

    public BigDecimal latitude;

    public BigDecimal longitude;

    public Instant createdAt;

    @Version
    public long version;
}

package org.articula.contracts.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A tenant: a buyer, a cooperative or association, or a producer group inside an association. */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    public UUID id;

    public String name;

    @Enumerated(EnumType.STRING)
    public OrganisationKind kind;

    /** The organisation's own RUC, when it has one. */
    public String ruc;

    /** For a producer group: the association it belongs to. */
    public UUID parentId;

    public String district;

    public String region;

    public Instant createdAt;

    @Version
    public long version;
}

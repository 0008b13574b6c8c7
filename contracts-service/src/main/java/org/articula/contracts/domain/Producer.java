package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A producing family or person, registered by an organisation, optionally in one of its groups. */
@Entity
@Table(name = "producer")
public class Producer {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "group_id")
    public UUID groupId;

    @Embedded
    public NationalId nationalId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String district;

    public String region;

    public String phone;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}

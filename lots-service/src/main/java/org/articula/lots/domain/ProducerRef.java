package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A producer as lots-service knows it from contracts events. */
@Entity
@Table(name = "producer_ref")
public class ProducerRef {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "group_id")
    public UUID groupId;

    @Column(name = "national_id", nullable = false)
    public String nationalId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public long revision;
}

package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A person who records lots and takes readings at one collection centre. */
@Entity
@Table(name = "operator")
public class Operator {

    @Id
    public UUID id;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

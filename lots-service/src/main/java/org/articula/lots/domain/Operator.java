package org.articula.lots.domain;

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

    public UUID centreId;

    public String name;

    public Instant createdAt;
}

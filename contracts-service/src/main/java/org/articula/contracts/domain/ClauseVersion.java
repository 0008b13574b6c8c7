package org.articula.contracts.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of an agreement's clauses, in force from {@code effectiveFrom} until the next
 * version's effective date. Version 1 starts with the agreement; amendments add the next ones.
 * Once the agreement is signed (activated), a version never changes.
 */
@Entity
@Table(name = "agreement_version")
public class ClauseVersion {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    public int number;

    public LocalDate effectiveFrom;

    @JdbcTypeCode(SqlTypes.JSON)
    public Clauses clauses;

    /** Why the amendment was made; empty for version 1. */
    public String reason;

    public String recordedBy;

    public Instant recordedAt;
}

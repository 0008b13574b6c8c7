package org.articula.contracts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A recorded lifecycle change: from and to which status, from which business date it counts
 * (a suspension from the 10th covers lots delivered from the 10th on), who made it and when.
 */
@Entity
@Table(name = "agreement_transition")
public class Transition {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    public int seq;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public AgreementStatus from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public AgreementStatus to;

    public LocalDate effectiveOn;

    @Enumerated(EnumType.STRING)
    public TerminationReason reasonCode;

    public String reason;

    public String recordedBy;

    public Instant recordedAt;
}

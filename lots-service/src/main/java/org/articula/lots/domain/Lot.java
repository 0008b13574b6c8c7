package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A lot ("lote"): one delivery by one producer at one collection centre at one time, with its
 * readings and the verdict of the agreement's quality clause version in force on its delivery date.
 * The version stays with the lot: a later amendment never re-judges it; a correction re-judges it
 * by the same version.
 */
@Entity
@Table(name = "lot")
public class Lot {

    @Id
    public UUID id;

    /** The organisation that pays the producer (the agreement's tenant). */
    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "centre_id", nullable = false)
    public UUID centreId;

    @Column(name = "producer_id", nullable = false)
    public UUID producerId;

    @Column(nullable = false)
    public String product;

    @Column(nullable = false)
    public BigDecimal quantity;

    @Column(nullable = false)
    public String unit;

    @Column(name = "delivered_at", nullable = false)
    public Instant deliveredAt;

    /** The delivery's business day in America/Lima: the day the agreement is looked up for. */
    @Column(name = "delivery_date", nullable = false)
    public LocalDate deliveryDate;

    @Enumerated(EnumType.STRING)
    public Shift shift;

    @Column(name = "agreement_id", nullable = false)
    public UUID agreementId;

    @Column(name = "agreement_version", nullable = false)
    public int agreementVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Reading> readings;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Verdict verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RejectionReason> reasons;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LotStatus status;

    /** 1 as recorded; each correction or void adds one. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public void judge(QualityJudge.Judgement judgement) {
        verdict = judgement.verdict();
        reasons = judgement.reasons();
    }

    public boolean isVoided() {
        return status == LotStatus.VOIDED;
    }
}

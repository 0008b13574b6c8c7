package org.articula.lots.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A lot as it stood after one change: recorded, corrected (with the reason) or voided. Never updated. */
@Entity
@Table(name = "lot_revision")
public class LotRevision {

    public enum Kind {
        RECORDED, CORRECTED, VOIDED
    }

    @Id
    public UUID id;

    @Column(name = "lot_id", nullable = false)
    public UUID lotId;

    @Column(nullable = false)
    public int revision;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public BigDecimal quantity;

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

    public String reason;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public static LotRevision of(Lot lot, Kind kind, String reason, String by, Instant at) {
        LotRevision r = new LotRevision();
        r.id = UUID.randomUUID();
        r.lotId = lot.id;
        r.revision = lot.revision;
        r.kind = kind;
        r.quantity = lot.quantity;
        r.readings = lot.readings;
        r.verdict = lot.verdict;
        r.reasons = lot.reasons;
        r.status = lot.status;
        r.reason = reason;
        r.changedBy = by;
        r.changedAt = at;
        return r;
    }
}

package org.articula.lots.domain;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A lot as it stood after one change: recorded, corrected (with the reason) or voided. Never updated. */
@Entity
@Table(name = "lot_revision")
public class LotRevision {

    public enum Kind {
        RECORDED,
        CORRECTED,
        VOIDED
    }

    @Id
    public UUID id;

    public UUID lotId;

    public int revision;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    /** The lot's quantity, readings and verdict after this change. */
    @Embedded
    public LotFigures figures;

    @Enumerated(EnumType.STRING)
    public LotStatus status;

    /** The parcel the lot named after this change, or null. */
    public UUID parcelId;

    public String reason;

    public String changedBy;

    public Instant changedAt;

    static LotRevision of(Lot lot, Kind kind, String reason, String by, Instant at) {
        LotRevision r = new LotRevision();
        r.id = UUID.randomUUID();
        r.lotId = lot.id;
        r.revision = lot.revision;
        r.kind = kind;
        r.figures = lot.figures.copy();
        r.status = lot.status;
        r.parcelId = lot.parcelId;
        r.reason = reason;
        r.changedBy = by;
        r.changedAt = at;
        return r;
    }
}

package org.articula.lots.domain;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What a lot stated at one revision: the quantity delivered, the readings taken on it and the verdict
 * of its quality clause on them. A lot carries its current figures and each revision those it had then
 * (the same columns in both tables); a correction replaces them whole, never edits them in place.
 */
@Embeddable
public class LotFigures {

    /** Quantities are kept to the gram or millilitre, as the column stores them. */
    public static final int QUANTITY_SCALE = 3;

    public BigDecimal quantity;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Reading> readings;

    @Enumerated(EnumType.STRING)
    public Verdict verdict;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RejectionReason> reasons;

    protected LotFigures() { // for JPA
    }

    private LotFigures(BigDecimal quantity, List<Reading> readings, Verdict verdict, List<RejectionReason> reasons) {
        this.quantity = quantity;
        this.readings = readings;
        this.verdict = verdict;
        this.reasons = reasons;
    }

    /** The quantity (at its stored scale) and readings, with the clause's verdict on them. */
    public static LotFigures judged(BigDecimal quantity, List<Reading> readings, List<QualityParameter> clause) {
        List<Reading> kept = List.copyOf(readings);
        QualityJudge.Judgement judgement = QualityJudge.judge(clause, kept);
        return new LotFigures(quantity.setScale(QUANTITY_SCALE), kept, judgement.verdict(), judgement.reasons());
    }

    /** The same quantity and readings, accepted with no reason against them: a rejection overturned untested. */
    LotFigures acceptedAsDelivered() {
        return new LotFigures(quantity, readings, Verdict.ACCEPTED, List.of());
    }

    /** The same figures as another instance: an entity never shares its embedded value with another. */
    LotFigures copy() {
        return new LotFigures(quantity, readings, verdict, reasons);
    }
}

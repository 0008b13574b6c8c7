package org.articula.contracts.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.contracts.domain.AgreementRuleException.Kind;
import org.hibernate.annotations.BatchSize;

/**
 * An articulation agreement ("acuerdo de articulación"): a buyer and a producer or producer group,
 * one product, a validity period, versioned clauses and a lifecycle
 * DRAFT → ACTIVE ⇄ SUSPENDED → TERMINATED | EXPIRED. A lot delivered on a day is judged by the
 * clause version in force that day, and only on days the agreement was in force.
 */
@Entity
@Table(name = "agreement")
public class Agreement {

    @Id
    public UUID id;

    /** The tenant: the organisation the covered producers belong to, which pays them. */
    public UUID organisationId;

    public UUID buyerId;

    @Embedded
    public Counterparty counterparty;

    public String product;

    public String unit;

    public LocalDate startDate;

    /** Last day of validity, inclusive. */
    public LocalDate endDate;

    @Enumerated(EnumType.STRING)
    public AgreementStatus status;

    public Instant createdAt;

    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("number")
    @BatchSize(size = 100)
    public List<ClauseVersion> versions = new ArrayList<>();

    @OneToMany(mappedBy = "agreement", cascade = CascadeType.ALL)
    @OrderBy("seq")
    @BatchSize(size = 100)
    public List<Transition> transitions = new ArrayList<>();

    public Period validity() {
        return new Period(startDate, endDate);
    }

    public ClauseVersion latestVersion() {
        return versions.get(versions.size() - 1);
    }

    /** The clause version in force on a day of validity: the last one effective on or before it. */
    public Optional<ClauseVersion> versionOn(LocalDate day) {
        if (!validity().contains(day)) {
            return Optional.empty();
        }
        return versions.stream().filter(v -> !v.effectiveFrom.isAfter(day))
                .max(Comparator.comparingInt(v -> v.number));
    }

    /**
     * The days the agreement binds both sides: from its start while active, with suspensions cut out,
     * until termination (exclusive) or the end of validity. Empty for a draft.
     */
    public List<Period> periodsInForce() {
        List<Period> periods = new ArrayList<>();
        LocalDate open = null;
        for (Transition t : transitions) {
            if (t.to == AgreementStatus.ACTIVE) {
                open = t.from == AgreementStatus.DRAFT ? startDate : t.effectiveOn;
            } else if (open != null) {
                LocalDate last = t.to == AgreementStatus.EXPIRED ? endDate : t.effectiveOn.minusDays(1);
                addClipped(periods, open, last);
                open = null;
            }
        }
        if (open != null) {
            addClipped(periods, open, endDate);
        }
        return periods;
    }

    public boolean inForceOn(LocalDate day) {
        return periodsInForce().stream().anyMatch(p -> p.contains(day));
    }

    private void addClipped(List<Period> periods, LocalDate from, LocalDate to) {
        LocalDate start = from.isBefore(startDate) ? startDate : from;
        LocalDate end = to.isAfter(endDate) ? endDate : to;
        if (!start.isAfter(end)) {
            periods.add(new Period(start, end));
        }
    }

    /** Replaces a draft's clauses; a signed agreement changes only through amendments. */
    public void redraft(Clauses clauses, String by, Instant at) {
        if (status != AgreementStatus.DRAFT) {
            throw new AgreementRuleException(Kind.INVALID_TRANSITION, null,
                    "Solo un borrador se modifica; un acuerdo " + status + " cambia mediante una adenda");
        }
        ClauseVersion first = versions.get(0);
        first.effectiveFrom = startDate;
        first.clauses = clauses;
        first.recordedBy = by;
        first.recordedAt = at;
    }

    public ClauseVersion addVersion(UUID versionId, LocalDate effectiveFrom, Clauses clauses, String reason,
            String by, Instant at) {
        if (!versions.isEmpty()) {
            if (!status.isRunning()) {
                throw new AgreementRuleException(Kind.INVALID_TRANSITION, null, "Un acuerdo " + status
                        + " no admite adendas" + (status == AgreementStatus.DRAFT ? "; modifique el borrador" : ""));
            }
            LocalDate latest = latestVersion().effectiveFrom;
            if (!effectiveFrom.isAfter(latest)) {
                throw new AgreementRuleException(Kind.INVALID_DATE, "effectiveFrom",
                        "debe ser posterior al " + latest + ", fecha de la versión " + latestVersion().number);
            }
            if (effectiveFrom.isAfter(endDate)) {
                throw new AgreementRuleException(Kind.INVALID_DATE, "effectiveFrom",
                        "debe estar dentro de la vigencia, que termina el " + endDate);
            }
        }
        ClauseVersion v = new ClauseVersion();
        v.id = versionId;
        v.agreement = this;
        v.number = versions.size() + 1;
        v.effectiveFrom = effectiveFrom;
        v.clauses = clauses;
        v.reason = reason;
        v.recordedBy = by;
        v.recordedAt = at;
        versions.add(v);
        updatedAt = at;
        return v;
    }

    /** Signs the agreement: it binds from its start date. */
    public Transition activate(LocalDate today, String by, Instant at) {
        if (status == AgreementStatus.DRAFT && endDate.isBefore(today)) {
            throw new AgreementRuleException(Kind.INVALID_DATE, "endDate",
                    "la vigencia terminó el " + endDate + "; no se puede activar");
        }
        return move(AgreementStatus.ACTIVE, startDate, null, null, by, at, "activar");
    }

    public Transition suspend(LocalDate effectiveOn, String reason, LocalDate today, String by, Instant at) {
        checkEffectiveDate(effectiveOn, today);
        return move(AgreementStatus.SUSPENDED, effectiveOn, null, reason, by, at, "suspender");
    }

    public Transition reactivate(LocalDate effectiveOn, String reason, LocalDate today, String by, Instant at) {
        if (status != AgreementStatus.SUSPENDED) {
            throw invalid("reactivar");
        }
        checkEffectiveDate(effectiveOn, today);
        return move(AgreementStatus.ACTIVE, effectiveOn, null, reason, by, at, "reactivar");
    }

    public Transition terminate(TerminationReason code, String reason, LocalDate effectiveOn, LocalDate today,
            String by, Instant at) {
        checkEffectiveDate(effectiveOn, today);
        return move(AgreementStatus.TERMINATED, effectiveOn, code, reason, by, at, "terminar");
    }

    /** The validity ended: the day after the last one, the agreement stops binding. */
    public Transition expire(String by, Instant at) {
        return move(AgreementStatus.EXPIRED, endDate.plusDays(1), null, "fin de la vigencia", by, at, "vencer");
    }

    // A change counts from a business day between the previous change and today, within validity.
    private void checkEffectiveDate(LocalDate effectiveOn, LocalDate today) {
        if (effectiveOn.isAfter(today)) {
            throw new AgreementRuleException(Kind.INVALID_DATE, "effectiveOn",
                    "no puede ser posterior a hoy (" + today + ")");
        }
        if (effectiveOn.isAfter(endDate)) {
            throw new AgreementRuleException(Kind.INVALID_DATE, "effectiveOn",
                    "la vigencia terminó el " + endDate + "; el acuerdo vence, no cambia de estado");
        }
        transitions.stream().filter(t -> t.from != AgreementStatus.DRAFT).reduce((a, b) -> b)
                .filter(last -> effectiveOn.isBefore(last.effectiveOn))
                .ifPresent(last -> {
                    throw new AgreementRuleException(Kind.INVALID_DATE, "effectiveOn",
                            "no puede ser anterior al " + last.effectiveOn + ", fecha del último cambio de estado");
                });
    }

    private Transition move(AgreementStatus target, LocalDate effectiveOn, TerminationReason code, String reason,
            String by, Instant at, String verb) {
        if (!status.canBecome(target)) {
            throw invalid(verb);
        }
        Transition t = new Transition();
        t.id = UUID.randomUUID();
        t.agreement = this;
        t.seq = transitions.size() + 1;
        t.from = status;
        t.to = target;
        t.effectiveOn = effectiveOn;
        t.reasonCode = code;
        t.reason = reason;
        t.recordedBy = by;
        t.recordedAt = at;
        transitions.add(t);
        status = target;
        updatedAt = at;
        return t;
    }

    private AgreementRuleException invalid(String verb) {
        return new AgreementRuleException(Kind.INVALID_TRANSITION, null, "No se puede " + verb + " un acuerdo "
                + status + "; desde " + status + " solo se permite: "
                + (status.next().isEmpty() ? "ninguna transición" : status.next()));
    }
}

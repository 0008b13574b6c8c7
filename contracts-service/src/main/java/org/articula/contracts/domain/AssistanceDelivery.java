package org.articula.contracts.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.articula.platform.problem.Problem.Violation;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Technical assistance as delivered, not only as promised: a visit, a training, a veterinary or an
 * insemination service the buyer gave under an agreement, on a day, by a named person, to some of its
 * producers (or the whole network of a group agreement). Whether the producers pay for it is not the
 * caller's to say: the assistance clause in force that day says which services are charged. A charged
 * cost is split among the producers served (see {@link #split}); a free one counts as the buyer's
 * free assistance (the tax incentive).
 */
@Entity
@Table(name = "assistance_delivery")
public class AssistanceDelivery {

    /** The kinds that are delivered as a service on a day; feed and other inputs are charges of their own. */
    public static final Set<AssistanceKind> DELIVERED_KINDS = Set.of(AssistanceKind.TECHNICAL_VISITS,
            AssistanceKind.TRAINING, AssistanceKind.VETERINARY_SERVICE, AssistanceKind.INSEMINATION);

    @Id
    public UUID id;

    public UUID agreementId;

    public UUID organisationId;

    public UUID buyerId;

    @Enumerated(EnumType.STRING)
    public AssistanceKind kind;

    public LocalDate deliveredOn;

    public String deliveredBy;

    public String description;

    public BigDecimal cost;

    public boolean charged;

    /** The clause version whose assistance clause decided {@link #charged}. */
    public int clauseVersion;

    /** The most instalments a charge of it may be recovered in, from that clause. */
    public int maxInstalments;

    /** Given for the whole network of a group agreement rather than for named producers. */
    public boolean wholeNetwork;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProducerShare> producers;

    public String recordedBy;

    public Instant recordedAt;

    /** What the caller says happened; {@code producerIds} null or empty means the agreement's whole network. */
    public record Facts(UUID id, AssistanceKind kind, LocalDate deliveredOn, String deliveredBy, String description,
            BigDecimal cost, List<UUID> producerIds) {
    }

    /**
     * Records a delivery under {@code agreement}, or refuses it naming the field at fault: the agreement must be
     * ACTIVE and in force on the day, the day not after {@code today}, the kind one delivered on a day, the
     * cost in céntimos, and every producer covered by the agreement ({@code covered}: those it covers now).
     */
    public static AssistanceDelivery deliver(Agreement agreement, Facts facts, Collection<UUID> covered,
            LocalDate today, String by, Instant at) {
        if (agreement.status != AgreementStatus.ACTIVE) {
            throw refused(ProblemType.BUSINESS_RULE, "agreementId", "el acuerdo está " + agreement.status
                    + "; solo se registra asistencia de un acuerdo ACTIVE");
        }
        List<Violation> violations = new ArrayList<>();
        if (facts.deliveredOn().isAfter(today)) {
            violations.add(new Violation("deliveredOn", "no puede ser posterior a hoy (" + today + ")"));
        } else if (!agreement.inForceOn(facts.deliveredOn())) {
            violations.add(new Violation("deliveredOn", "el acuerdo no estaba vigente el " + facts.deliveredOn()
                    + " (vigencia del " + agreement.startDate + " al " + agreement.endDate + ")"));
        }
        if (!DELIVERED_KINDS.contains(facts.kind())) {
            violations.add(new Violation("kind", "debe ser uno de " + DELIVERED_KINDS.stream().sorted().toList()));
        }
        if (facts.cost().signum() < 0 || facts.cost().stripTrailingZeros().scale() > 2) {
            violations.add(new Violation("cost", "debe ser un monto en soles no negativo, con céntimos a lo más"));
        }
        boolean wholeNetwork = facts.producerIds() == null || facts.producerIds().isEmpty();
        List<UUID> served = wholeNetwork ? List.copyOf(covered) : facts.producerIds();
        for (int i = 0; i < served.size(); i++) {
            if (!wholeNetwork && !covered.contains(served.get(i))) {
                violations.add(new Violation("producerIds[" + i + "]", "el acuerdo no cubre a este productor"));
            }
        }
        if (served.isEmpty()) {
            violations.add(new Violation("producerIds", "la red del acuerdo no tiene productores"));
        } else if (served.stream().distinct().count() != served.size()) {
            violations.add(new Violation("producerIds", "un productor figura más de una vez"));
        }
        Refusals.refuseIfAny(violations);
        return build(agreement, facts, served, wholeNetwork, by, at);
    }

    private static AssistanceDelivery build(Agreement agreement, Facts facts, List<UUID> served, boolean wholeNetwork,
            String by, Instant at) {
        ClauseVersion version = agreement.versionOn(facts.deliveredOn()).orElseThrow();
        AssistanceClause clause = version.clauses.assistance() == null
                ? AssistanceClause.NONE
                : version.clauses.assistance().withDefaults();
        AssistanceDelivery d = new AssistanceDelivery();
        d.id = facts.id();
        d.agreementId = agreement.id;
        d.organisationId = agreement.organisationId;
        d.buyerId = agreement.buyerId;
        d.kind = facts.kind();
        d.deliveredOn = facts.deliveredOn();
        d.deliveredBy = facts.deliveredBy().strip();
        d.description = facts.description() == null || facts.description().isBlank()
                ? null
                : facts.description().strip();
        d.cost = facts.cost().setScale(2);
        d.charged = chargedBy(clause, facts.kind());
        d.clauseVersion = version.number;
        d.maxInstalments = clause.maxInstalments();
        d.wholeNetwork = wholeNetwork;
        d.producers = split(d.charged ? d.cost : BigDecimal.ZERO.setScale(2), served);
        d.recordedBy = by;
        d.recordedAt = at;
        return d;
    }

    /**
     * Whether the clause charges this kind to the producer. A service the clause does not list was not
     * agreed to be charged, so it is free: the buyer cannot bill what the agreement does not say.
     */
    public static boolean chargedBy(AssistanceClause clause, AssistanceKind kind) {
        return clause.services() != null && clause.services().stream()
                .anyMatch(s -> s.kind() == kind && s.chargedToProducer());
    }

    /**
     * Splits an amount among producers to the céntimo: each gets the amount divided by their number,
     * rounded down, and the céntimos left over go one each to the first producers in the order of their ids
     * as text (so the shares differ by 0.01 at most, add up to the whole, and do not depend on the order they were
     * sent in). S/ 100.00 among 3: 33.34 + 33.33 + 33.33.
     */
    public static List<ProducerShare> split(BigDecimal amount, List<UUID> producers) {
        // By the ids' text, as anyone reading them sorts them (UUID.compareTo compares signed halves).
        List<UUID> ordered = producers.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        BigDecimal n = BigDecimal.valueOf(ordered.size());
        BigDecimal each = amount.divide(n, 2, RoundingMode.DOWN);
        int leftOver = amount.subtract(each.multiply(n)).movePointRight(2).intValueExact();
        List<ProducerShare> shares = new ArrayList<>(ordered.size());
        for (int i = 0; i < ordered.size(); i++) {
            shares.add(new ProducerShare(ordered.get(i), i < leftOver ? each.add(new BigDecimal("0.01")) : each));
        }
        return shares;
    }

    /** Whether a request with these facts is the one that recorded this delivery (a retry). */
    public boolean sameAs(Facts facts, UUID agreementId) {
        boolean sameProducers = facts.producerIds() == null || facts.producerIds().isEmpty()
                ? wholeNetwork
                : !wholeNetwork && producers.stream().map(ProducerShare::producerId).sorted().toList()
                        .equals(facts.producerIds().stream().sorted().toList());
        return this.agreementId.equals(agreementId) && kind == facts.kind() && deliveredOn.equals(facts.deliveredOn())
                && cost.compareTo(facts.cost()) == 0 && deliveredBy.equals(facts.deliveredBy().strip())
                && sameProducers;
    }

    private static ProblemException refused(ProblemType type, String field, String message) {
        return new ProblemException(type, field + ": " + message, List.of(new Violation(field, message)));
    }
}

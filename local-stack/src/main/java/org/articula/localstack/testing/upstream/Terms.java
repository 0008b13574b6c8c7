package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One clause version of an agreement. By default: the agreement's dates, base price 1.03, no quality
 * parameters, adjustments, tiers nor quantity clause, paid 7 days after the fortnight in up to 2
 * instalments, no incentive or sanction rules nor assistance services. Every parameter an adjustment names and the quality clause does not is added to it as an
 * optional NUMERIC parameter in %, minimum 0.
 */
public final class Terms {

    private record Adjustment(String parameter, String from, String to, String amountPerUnit) {
    }

    private record Tier(String minQuantity, String bonusPerUnit) {
    }

    private record Rule(String kind, int consecutiveFortnights, String minAcceptancePercent, String bonusPerUnit,
            String action) {
    }

    private record Service(String kind, Integer visitsPerMonth, boolean chargedToProducer) {
    }

    private LocalDate from;
    private LocalDate to;
    private String basePrice = "1.03";
    private final List<QualityParameter> quality = new ArrayList<>();
    private final List<Adjustment> adjustments = new ArrayList<>();
    private final List<Tier> tiers = new ArrayList<>();
    private String committedQuantity;
    private String per;
    private String tolerancePercent;
    private String shortfallPenaltyPerUnit;
    private int paymentTermDays = 7;
    private int maxInstalments = 2;
    private int contestWindowHours = 48;
    private boolean untestedDisputeFavoursProducer = true;
    private final List<Rule> rules = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private String requiredCertification;
    private String certificationSchemeName;

    Terms() {
    }

    /** The first day this version governs; the agreement's start by default. */
    public Terms from(LocalDate from) {
        this.from = from;
        return this;
    }

    /** The last day this version governs; the agreement's end by default. */
    public Terms to(LocalDate to) {
        this.to = to;
        return this;
    }

    public Terms basePrice(String basePrice) {
        this.basePrice = basePrice;
        return this;
    }

    public Terms quality(QualityParameter... parameters) {
        return quality(List.of(parameters));
    }

    public Terms quality(List<QualityParameter> parameters) {
        quality.addAll(parameters);
        return this;
    }

    /** amountPerUnit added when the reading of parameter lies in [from, to); from or to null is open. */
    public Terms adjustment(String parameter, String from, String to, String amountPerUnit) {
        adjustments.add(new Adjustment(parameter, from, to, amountPerUnit));
        return this;
    }

    /** bonusPerUnit on every accepted unit of a fortnight reaching minQuantity. */
    public Terms tier(String minQuantity, String bonusPerUnit) {
        tiers.add(new Tier(minQuantity, bonusPerUnit));
        return this;
    }

    /**
     * A quantity clause: committedQuantity per DAY or FORTNIGHT, a shortfall beyond tolerancePercent
     * penalised by shortfallPenaltyPerUnit (null: no penalty).
     */
    public Terms committing(String committedQuantity, String per, String tolerancePercent,
            String shortfallPenaltyPerUnit) {
        this.committedQuantity = committedQuantity;
        this.per = per;
        this.tolerancePercent = tolerancePercent;
        this.shortfallPenaltyPerUnit = shortfallPenaltyPerUnit;
        return this;
    }

    public Terms paymentTermDays(int days) {
        this.paymentTermDays = days;
        return this;
    }

    public Terms maxInstalments(int instalments) {
        this.maxInstalments = instalments;
        return this;
    }

    /** How a rejection is contested: within these hours of the lot's recording; an untested dispute's outcome. */
    public Terms disputes(int contestWindowHours, boolean untestedDisputeFavoursProducer) {
        this.contestWindowHours = contestWindowHours;
        this.untestedDisputeFavoursProducer = untestedDisputeFavoursProducer;
        return this;
    }

    /** ACCEPTANCE_BONUS: bonusPerUnit next fortnight after consecutiveFortnights at minAcceptancePercent or more. */
    public Terms acceptanceBonus(String minAcceptancePercent, int consecutiveFortnights, String bonusPerUnit) {
        rules.add(new Rule("ACCEPTANCE_BONUS", consecutiveFortnights, minAcceptancePercent, bonusPerUnit, null));
        return this;
    }

    /** UNDER_COMMITMENT: notice of action (WARNING, SUSPENSION_PROPOSED) after consecutiveFortnights short. */
    public Terms underCommitment(int consecutiveFortnights, String action) {
        rules.add(new Rule("UNDER_COMMITMENT", consecutiveFortnights, null, null, action));
        return this;
    }

    /**
     * An assistance service of kind (TECHNICAL_VISITS, TRAINING, VETERINARY_SERVICE, INSEMINATION) promising
     * visitsPerMonth (null: no promise), charged to the producer or free.
     */
    public Terms assistance(String kind, Integer visitsPerMonth, boolean chargedToProducer) {
        services.add(new Service(kind, visitsPerMonth, chargedToProducer));
        return this;
    }

    /** Requires a certification of this scheme (ORGANIC, FAIRTRADE, RAINFOREST_ALLIANCE) of what is delivered. */
    public Terms requiring(String scheme) {
        return requiring(scheme, null);
    }

    /** Requires a certification; schemeName names an OTHER scheme. */
    public Terms requiring(String scheme, String schemeName) {
        requiredCertification = scheme;
        certificationSchemeName = schemeName;
        return this;
    }

    LocalDate fromOr(LocalDate start) {
        return from == null ? start : from;
    }

    /** The version as the agreement carries it: number {@code number}, recorded by the clerk. */
    ObjectNode json(int number, LocalDate start, LocalDate end) {
        ObjectNode version = UpstreamEvents.object();
        version.put("number", number);
        version.put("effectiveFrom", fromOr(start).toString());
        version.put("effectiveTo", (to == null ? end : to).toString());
        ObjectNode clauses = version.putObject("clauses");
        ObjectNode qualityClause = clauses.putObject("quality");
        qualityClause(qualityClause.putArray("parameters"));
        qualityClause.put("contestWindowHours", contestWindowHours);
        qualityClause.put("untestedDisputeFavoursProducer", untestedDisputeFavoursProducer);
        if (committedQuantity == null) {
            clauses.putNull("quantity");
        } else {
            ObjectNode quantity = clauses.putObject("quantity");
            quantity.put("committedQuantity", new BigDecimal(committedQuantity));
            quantity.put("per", per == null ? "DAY" : per);
            quantity.put("tolerancePercent", new BigDecimal(tolerancePercent == null ? "0" : tolerancePercent));
            UpstreamEvents.decimal(quantity, "shortfallPenaltyPerUnit", shortfallPenaltyPerUnit);
        }
        priceClause(clauses.putObject("price"));
        ArrayNode serviceNodes = clauses.putObject("assistance").put("maxInstalments", maxInstalments)
                .putArray("services");
        for (Service service : services) {
            serviceNodes.addObject().put("kind", service.kind()).putNull("description")
                    .put("visitsPerMonth", service.visitsPerMonth())
                    .put("chargedToProducer", service.chargedToProducer());
        }
        incentiveClause(clauses.putObject("incentives").putArray("rules"));
        clauses.putObject("certification").put("required", requiredCertification)
                .put("schemeName", certificationSchemeName);
        version.put("reason", number == 1 ? null : "adenda " + (number - 1));
        version.put("recordedBy", UpstreamEvents.CLERK);
        version.put("recordedAt", UpstreamEvents.AT.minusSeconds(3600).plusSeconds(number).toString());
        return version;
    }

    private void qualityClause(ArrayNode parameters) {
        Set<String> stated = new LinkedHashSet<>();
        for (QualityParameter q : quality) {
            stated.add(q.code());
            ObjectNode p = parameters.addObject().put("code", q.code()).put("name", q.code()).put("kind", q.kind());
            boolean numeric = "NUMERIC".equals(q.kind());
            UpstreamEvents.decimal(p, "min", numeric ? q.min() : null);
            UpstreamEvents.decimal(p, "max", numeric ? q.max() : null);
            p.put("unit", numeric ? q.unit() : null);
            if (numeric) {
                p.putNull("passValue");
            } else {
                p.put("passValue", q.passValue());
            }
            p.put("required", q.required());
        }
        for (Adjustment adj : adjustments) {
            if (stated.add(adj.parameter())) {
                parameters.addObject().put("code", adj.parameter()).put("name", adj.parameter()).put("kind", "NUMERIC")
                        .put("unit", "%").put("min", BigDecimal.ZERO).putNull("max").putNull("passValue")
                        .put("required", false);
            }
        }
    }

    private void incentiveClause(ArrayNode nodes) {
        for (Rule rule : rules) {
            ObjectNode node = nodes.addObject().put("kind", rule.kind())
                    .put("consecutiveFortnights", rule.consecutiveFortnights());
            UpstreamEvents.decimal(node, "minAcceptancePercent", rule.minAcceptancePercent());
            UpstreamEvents.decimal(node, "bonusPerUnit", rule.bonusPerUnit());
            node.put("action", rule.action());
        }
    }

    private void priceClause(ObjectNode price) {
        price.put("currency", "PEN");
        price.put("basePrice", new BigDecimal(basePrice));
        ArrayNode adjustmentNodes = price.putArray("qualityAdjustments");
        for (Adjustment adj : adjustments) {
            ObjectNode node = adjustmentNodes.addObject().put("parameter", adj.parameter());
            UpstreamEvents.decimal(node, "from", adj.from());
            UpstreamEvents.decimal(node, "to", adj.to());
            node.put("amountPerUnit", new BigDecimal(adj.amountPerUnit()));
        }
        ArrayNode tierNodes = price.putArray("volumeTiers");
        for (Tier tier : tiers) {
            tierNodes.addObject().put("minQuantity", new BigDecimal(tier.minQuantity()))
                    .put("bonusPerUnit", new BigDecimal(tier.bonusPerUnit()));
        }
        price.put("paymentFrequency", "FORTNIGHTLY");
        price.put("paymentTermDays", paymentTermDays);
    }
}

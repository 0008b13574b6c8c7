package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds contracts-service's agreement events, each carrying the whole agreement: by default milk in
 * litres from 2026-01-01 to 2026-12-31, revision 1, one clause version ({@link #basePrice} and
 * {@link #quality} shape it) unless {@link #terms} lists them. The transitions follow from the event: the
 * activation on the start day and, for a termination, one the day after the last day in force.
 */
public final class AgreementEvents {

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID buyer = UUID.randomUUID();
    private String counterpartyType;
    private UUID counterparty;
    private String product = "milk";
    private String unit = "L";
    private LocalDate start = LocalDate.of(2026, 1, 1);
    private LocalDate end = LocalDate.of(2026, 12, 31);
    private long revision = 1;
    private final Terms only = new Terms();
    private final List<Terms> versions = new ArrayList<>();

    AgreementEvents() {
    }

    public AgreementEvents id(UUID id) {
        this.id = id;
        return this;
    }

    public AgreementEvents organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    public AgreementEvents buyer(UUID buyer) {
        this.buyer = buyer;
        return this;
    }

    /** An individual agreement of one producer. */
    public AgreementEvents individual(UUID producer) {
        this.counterpartyType = "PRODUCER";
        this.counterparty = producer;
        return this;
    }

    /** An agreement of a producer group (network): every producer of the group delivers under it. */
    public AgreementEvents group(UUID group) {
        this.counterpartyType = "PRODUCER_GROUP";
        this.counterparty = group;
        return this;
    }

    public AgreementEvents product(String product, String unit) {
        this.product = product;
        this.unit = unit;
        return this;
    }

    public AgreementEvents from(LocalDate start) {
        this.start = start;
        return this;
    }

    public AgreementEvents to(LocalDate end) {
        this.end = end;
        return this;
    }

    /** The agreement's version (revision): 1 when activated, one more per later change. */
    public AgreementEvents revision(long revision) {
        this.revision = revision;
        return this;
    }

    /** The base price of the only clause version. */
    public AgreementEvents basePrice(String basePrice) {
        only.basePrice(basePrice);
        return this;
    }

    /** The quality parameters of the only clause version. */
    public AgreementEvents quality(QualityParameter... parameters) {
        only.quality(parameters);
        return this;
    }

    public AgreementEvents quality(List<QualityParameter> parameters) {
        only.quality(parameters);
        return this;
    }

    /** The dispute terms of the only clause version's quality clause (48 hours, for the producer by default). */
    public AgreementEvents disputes(int contestWindowHours, boolean untestedDisputeFavoursProducer) {
        only.disputes(contestWindowHours, untestedDisputeFavoursProducer);
        return this;
    }

    /** The clause versions in order (numbered 1, 2, ...), instead of the only one. */
    public AgreementEvents terms(Terms... versions) {
        this.versions.clear();
        this.versions.addAll(List.of(versions));
        return this;
    }

    /** AgreementActivated: ACTIVE and in force from start to end. */
    public UpstreamEvent activated() {
        return event("AgreementActivated", "ACTIVE", end);
    }

    /** AgreementAmended: ACTIVE, change pointing at the last clause version. */
    public UpstreamEvent amended() {
        return event("AgreementAmended", "ACTIVE", end);
    }

    /** AgreementTerminated (reason BUYER_STOPPED) from the day after {@code lastDayInForce}. */
    public UpstreamEvent terminated(LocalDate lastDayInForce) {
        return event("AgreementTerminated", "TERMINATED", lastDayInForce);
    }

    private UpstreamEvent event(String type, String status, LocalDate lastDayInForce) {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        UpstreamEvents.required(counterparty, "individual or group");
        Instant at = UpstreamEvents.AT.plusSeconds(revision);
        List<Terms> clauses = versions.isEmpty() ? List.of(only) : versions;
        ObjectNode a = UpstreamEvents.object();
        a.put("id", id.toString());
        a.put("organisationId", org.toString());
        a.put("buyerId", buyer.toString());
        a.putObject("counterparty").put("type", counterpartyType).put("id", counterparty.toString());
        a.put("product", product);
        a.put("unit", unit);
        a.put("startDate", start.toString());
        a.put("endDate", end.toString());
        a.put("status", status);
        a.put("version", revision);
        a.putArray("periodsInForce").addObject().put("from", start.toString()).put("to", lastDayInForce.toString());
        ArrayNode vs = a.putArray("versions");
        for (int i = 0; i < clauses.size(); i++) {
            vs.add(clauses.get(i).json(i + 1, start, end));
        }
        ArrayNode transitions = a.putArray("transitions");
        transition(transitions, "DRAFT", "ACTIVE", start, null, UpstreamEvents.AT);
        if (status.equals("TERMINATED")) {
            transition(transitions, "ACTIVE", "TERMINATED", lastDayInForce.plusDays(1), "BUYER_STOPPED", at);
        }
        a.put("createdAt", UpstreamEvents.AT.minusSeconds(3600).toString());
        a.put("updatedAt", at.toString());

        ObjectNode payload = UpstreamEvents.object();
        payload.set("agreement", a);
        ObjectNode change = payload.putObject("change");
        if (type.equals("AgreementAmended")) {
            int last = clauses.size();
            change.put("kind", "AMENDED").put("versionNumber", last)
                    .put("effectiveFrom", clauses.get(last - 1).fromOr(start).toString());
        } else {
            JsonNode last = transitions.get(transitions.size() - 1);
            change.put("kind", status.equals("ACTIVE") ? "ACTIVATED" : status)
                    .put("transitionSeq", last.get("seq").asInt()).put("effectiveOn", last.get("effectiveOn").asText());
        }
        return UpstreamEvents.envelope(type, "Agreement", id.toString(), org, at, payload, UpstreamEvents.CONTRACTS,
                "contracts.events", id.toString());
    }

    private static void transition(ArrayNode transitions, String from, String to, LocalDate effectiveOn,
            String reasonCode, Instant at) {
        transitions.addObject().put("seq", transitions.size() + 1).put("from", from).put("to", to)
                .put("effectiveOn", effectiveOn.toString()).put("reasonCode", reasonCode)
                .put("reason", reasonCode == null ? null : "fin anticipado").put("recordedBy", UpstreamEvents.CLERK)
                .put("recordedAt", at.toString());
    }
}

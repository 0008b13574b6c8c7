package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Builds contracts-service's AssistanceDelivered: by default a veterinary service of S/ 45.01 on 2026-10-02 by
 * "MV Jorge Salazar", charged, in up to 2 instalments, under clause version 1. Each producer's part is split as
 * contracts-service splits it: the cost divided by their number rounded down to the céntimo, the céntimos left
 * over one each to the first producers in the order of their ids as text; 0.00 each when free.
 */
public final class AssistanceEvents {

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID agreement = UUID.randomUUID();
    private UUID buyer = UUID.randomUUID();
    private String kind = "VETERINARY_SERVICE";
    private LocalDate deliveredOn = LocalDate.of(2026, 10, 2);
    private String cost = "45.01";
    private boolean charged = true;
    private int maxInstalments = 2;
    private boolean wholeNetwork;
    private final List<UUID> producers = new ArrayList<>();

    AssistanceEvents() {
    }

    public AssistanceEvents id(UUID id) {
        this.id = id;
        return this;
    }

    public AssistanceEvents organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    public AssistanceEvents agreement(UUID agreement) {
        this.agreement = agreement;
        return this;
    }

    public AssistanceEvents buyer(UUID buyer) {
        this.buyer = buyer;
        return this;
    }

    /** TECHNICAL_VISITS, TRAINING, VETERINARY_SERVICE or INSEMINATION. */
    public AssistanceEvents kind(String kind) {
        this.kind = kind;
        return this;
    }

    public AssistanceEvents deliveredOn(LocalDate day) {
        this.deliveredOn = day;
        return this;
    }

    public AssistanceEvents cost(String cost) {
        this.cost = cost;
        return this;
    }

    /** Free: the agreement's clause does not charge this kind to the producer. */
    public AssistanceEvents free() {
        this.charged = false;
        return this;
    }

    public AssistanceEvents maxInstalments(int maxInstalments) {
        this.maxInstalments = maxInstalments;
        return this;
    }

    /** The producers served, named. */
    public AssistanceEvents producers(UUID... producers) {
        this.producers.addAll(List.of(producers));
        return this;
    }

    /** The producers served, as the whole network of a group agreement. */
    public AssistanceEvents wholeNetwork(UUID... members) {
        this.wholeNetwork = true;
        return producers(members);
    }

    /** AssistanceDelivered, keyed by the delivery id. */
    public UpstreamEvent delivered() {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        if (producers.isEmpty()) {
            throw new IllegalStateException("say producers(...) or wholeNetwork(...) before building the event");
        }
        ObjectNode d = UpstreamEvents.object();
        d.put("id", id.toString());
        d.put("agreementId", agreement.toString());
        d.put("organisationId", org.toString());
        d.put("buyerId", buyer.toString());
        d.put("kind", kind);
        d.put("deliveredOn", deliveredOn.toString());
        d.put("deliveredBy", "MV Jorge Salazar");
        d.putNull("description");
        UpstreamEvents.decimal(d, "cost", cost);
        d.put("charged", charged);
        d.put("clauseVersion", 1);
        d.put("maxInstalments", maxInstalments);
        d.put("wholeNetwork", wholeNetwork);
        shares(d.putArray("producers"));
        d.put("recordedBy", UpstreamEvents.CLERK);
        d.put("recordedAt", UpstreamEvents.AT.toString());
        ObjectNode payload = UpstreamEvents.object();
        payload.set("delivery", d);
        return UpstreamEvents.envelope("AssistanceDelivered", "AssistanceDelivery", id.toString(), org,
                UpstreamEvents.AT, payload, UpstreamEvents.CONTRACTS, "contracts.events", id.toString());
    }

    private void shares(ArrayNode array) {
        List<UUID> ordered = producers.stream().sorted(Comparator.comparing(UUID::toString)).toList();
        BigDecimal total = charged ? new BigDecimal(cost).setScale(2) : BigDecimal.ZERO.setScale(2);
        BigDecimal n = BigDecimal.valueOf(ordered.size());
        BigDecimal each = total.divide(n, 2, RoundingMode.DOWN);
        int leftOver = total.subtract(each.multiply(n)).movePointRight(2).intValueExact();
        for (int i = 0; i < ordered.size(); i++) {
            ObjectNode share = array.addObject();
            share.put("producerId", ordered.get(i).toString());
            share.put("charged", i < leftOver ? each.add(new BigDecimal("0.01")) : each);
        }
    }
}

package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds contracts-service's CertificationRecorded: by default an organic certificate of cacao by Control Union,
 * valid through 2026, held by the producer given (or, with {@link #heldBy}, by an organisation or network: a group
 * certificate).
 */
public final class CertificationEvents {

    private UUID id = UUID.randomUUID();
    private UUID organisation;
    private UUID producer;
    private UUID holder;
    private String scheme = "ORGANIC";
    private String schemeName;
    private final List<String> products = new ArrayList<>(List.of("cacao"));
    private LocalDate validFrom = LocalDate.of(2026, 1, 1);
    private LocalDate validTo = LocalDate.of(2026, 12, 31);

    CertificationEvents() {
    }

    public CertificationEvents id(UUID id) {
        this.id = id;
        return this;
    }

    /** The organisation that keeps the certificate (registers the producers it concerns). */
    public CertificationEvents organisation(UUID organisation) {
        this.organisation = organisation;
        return this;
    }

    /** Held by this producer. */
    public CertificationEvents producer(UUID producer) {
        this.producer = producer;
        this.holder = null;
        return this;
    }

    /** Held by an organisation or network, covering every producer registered in it or in it as their network. */
    public CertificationEvents heldBy(UUID organisationOrNetwork) {
        this.holder = organisationOrNetwork;
        this.producer = null;
        return this;
    }

    /** ORGANIC, FAIRTRADE, RAINFOREST_ALLIANCE; see {@link #other} for another scheme. */
    public CertificationEvents scheme(String scheme) {
        this.scheme = scheme;
        this.schemeName = null;
        return this;
    }

    /** An OTHER scheme, by its name. */
    public CertificationEvents other(String schemeName) {
        this.scheme = "OTHER";
        this.schemeName = schemeName;
        return this;
    }

    /** The product codes in its scope, instead of cacao. */
    public CertificationEvents products(String... products) {
        this.products.clear();
        this.products.addAll(List.of(products));
        return this;
    }

    /** Valid from the first day to the last, both inclusive. */
    public CertificationEvents valid(LocalDate from, LocalDate to) {
        this.validFrom = from;
        this.validTo = to;
        return this;
    }

    public UpstreamEvent recorded() {
        UUID org = UpstreamEvents.required(organisation, "organisation");
        if (producer == null && holder == null) {
            throw new IllegalStateException("say producer(...) or heldBy(...) before building the event");
        }
        ObjectNode payload = UpstreamEvents.object();
        ObjectNode c = payload.putObject("certification");
        c.put("id", id.toString());
        c.put("organisationId", org.toString());
        c.put("producerId", producer == null ? null : producer.toString());
        c.put("holderOrganisationId", holder == null ? null : holder.toString());
        c.put("scheme", scheme);
        c.put("schemeName", schemeName);
        c.put("certifier", "Control Union Perú");
        ArrayNode scope = c.putArray("products");
        products.forEach(scope::add);
        c.put("code", "CU-" + id.toString().substring(0, 8).toUpperCase());
        c.put("validFrom", validFrom.toString());
        c.put("validTo", validTo.toString());
        c.putNull("documentRef");
        c.put("recordedBy", UpstreamEvents.CLERK);
        c.put("recordedAt", UpstreamEvents.AT.toString());
        return UpstreamEvents.envelope("CertificationRecorded", "Certification", id.toString(), org,
                UpstreamEvents.AT, payload, UpstreamEvents.CONTRACTS, "contracts.events", id.toString());
    }
}

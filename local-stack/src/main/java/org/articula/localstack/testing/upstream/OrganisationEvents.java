package org.articula.localstack.testing.upstream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** Builds contracts-service's OrganisationRegistered of an organisation without parent: its own tenant. */
public final class OrganisationEvents {

    private UUID id = UUID.randomUUID();
    private String name = "Asociación de Productores Lecheros de Laredo";
    private String kind = "ASSOCIATION";

    OrganisationEvents() {
    }

    public OrganisationEvents id(UUID id) {
        this.id = id;
        return this;
    }

    public OrganisationEvents name(String name) {
        this.name = name;
        return this;
    }

    /** ASSOCIATION (the default), PROCESSOR, ... as contracts-service's schema lists them. */
    public OrganisationEvents kind(String kind) {
        this.kind = kind;
        return this;
    }

    public UpstreamEvent registered() {
        ObjectNode o = UpstreamEvents.object();
        o.put("organisationId", id.toString());
        o.put("name", name);
        o.put("kind", kind);
        o.putNull("ruc");
        o.putNull("parentId");
        o.putNull("district");
        o.putNull("region");
        o.put("version", 0);
        return UpstreamEvents.envelope("OrganisationRegistered", "Organisation", id.toString(), id, UpstreamEvents.AT,
                o, UpstreamEvents.CONTRACTS, "contracts.events", id.toString());
    }
}

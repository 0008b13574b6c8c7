package org.articula.contracts.mapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.articula.contracts.domain.Organisation;
import org.articula.platform.events.EventEnvelope;
import org.articula.platform.events.EventJson;

/** The event an organisation's registration publishes (schema in api-specs/events/contracts-service). */
public final class OrganisationEvents {

    private OrganisationEvents() {
    }

    public static EventEnvelope registered(Organisation o) {
        return EventEnvelope.create("OrganisationRegistered", 1, "Organisation", o.id.toString(), tenantOf(o),
                o.createdAt, EventJson.toTree(payload(o)));
    }

    /**
     * Payload of OrganisationRegistered: what other services keep about an organisation (payments-service
     * prints its name on statements). The V3 migration builds the same payload in SQL for organisations
     * registered before these events existed.
     */
    public static Map<String, Object> payload(Organisation o) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("organisationId", o.id);
        payload.put("name", o.name);
        payload.put("kind", o.kind.name());
        payload.put("ruc", o.ruc);
        payload.put("parentId", o.parentId);
        payload.put("district", o.district);
        payload.put("region", o.region);
        payload.put("version", o.version);
        return payload;
    }

    /** The tenant an organisation's events belong to: a producer group's association, else itself. */
    static UUID tenantOf(Organisation o) {
        return o.parentId != null ? o.parentId : o.id;
    }
}

package org.articula.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/** One state change: who, for which organisation, did what to which resource, and when. */
public record AuditEntry(UUID id, UUID organisationId, String actor, UUID actorOrganisationId, String action,
        String resourceType, String resourceId, Instant occurredAt, JsonNode detail) {
}

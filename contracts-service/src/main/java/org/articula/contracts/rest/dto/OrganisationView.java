package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.util.UUID;
import org.articula.contracts.domain.OrganisationKind;

public record OrganisationView(UUID id, String name, OrganisationKind kind, String ruc, UUID parentId,
        String district, String region, Instant createdAt, long version) {
}

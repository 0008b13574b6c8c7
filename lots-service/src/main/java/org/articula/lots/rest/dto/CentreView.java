package org.articula.lots.rest.dto;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record CentreView(UUID id, UUID organisationId, String name, String district, String region,
        BigDecimal latitude, BigDecimal longitude, Instant createdAt) {
}

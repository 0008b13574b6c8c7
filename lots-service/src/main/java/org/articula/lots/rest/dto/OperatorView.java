package org.articula.lots.rest.dto;

import java.time.Instant;
import java.util.UUID;

public record OperatorView(UUID id, UUID centreId, String name, Instant createdAt) {
}

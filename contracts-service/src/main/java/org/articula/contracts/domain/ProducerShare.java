package org.articula.contracts.domain;

import java.math.BigDecimal;
import java.util.UUID;

/** A producer a delivery served, and the part of its cost charged to them (0.00 when the service is free). */
public record ProducerShare(UUID producerId, BigDecimal charged) {
}

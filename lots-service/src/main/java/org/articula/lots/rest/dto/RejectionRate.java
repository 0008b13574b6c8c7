package org.articula.lots.rest.dto;

import java.math.BigDecimal;
import java.util.UUID;

/** @param key the producer or the centre; rate = rejected / lots, 4 decimals */
public record RejectionRate(UUID key, long lots, long rejected, BigDecimal rate) {
}

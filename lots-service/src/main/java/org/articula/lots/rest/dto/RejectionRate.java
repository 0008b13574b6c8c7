package org.articula.lots.rest.dto;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * @param key        the producer or the centre
 * @param rejected   lots rejected as they now stand
 * @param rate       rejected / lots, 4 decimals
 * @param overturned rejections a dispute overturned: those lots are accepted now, so not among the rejected
 */
public record RejectionRate(UUID key, long lots, long rejected, BigDecimal rate, long overturned) {
}

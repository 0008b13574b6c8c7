package org.articula.lots.domain;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One quality reading on a lot, kept as evidence: a measured {@code value} (solids %, °C, g) or the
 * {@code result} of a test (antibiotics positive = true), with the instrument and sample.
 */
public record Reading(
        @NotBlank @Size(max = 40) String parameter,
        @Digits(integer = 8, fraction = 4) BigDecimal value,
        Boolean result,
        @Size(max = 60) String instrument,
        @Size(max = 60) String sampleId,
        Instant measuredAt) {
}

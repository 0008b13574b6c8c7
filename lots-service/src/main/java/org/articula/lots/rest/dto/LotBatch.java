package org.articula.lots.rest.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Lots a device recorded while offline. Each lot is checked on its own: a bad one is refused in
 * the result and does not block the others.
 */
public record LotBatch(@NotNull @Size(min = 1, max = 10_000) List<LotRequest> lots) {
}

package org.articula.lots.rest.dto;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.articula.platform.input.IndependentItems;

/**
 * Lots a device recorded while offline. Each lot is read and checked on its own: a bad one (even one
 * that cannot be read, such as a text with a control character) is refused in the result and does not
 * block the others.
 */
public record LotBatch(@NotNull @Size(min = 1,
        max = 10_000) @JsonDeserialize(using = IndependentItems.Reader.class) List<LotRequest> lots) {
}

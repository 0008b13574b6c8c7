package org.articula.lots.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Contests a rejected lot's verdict: asks for its counter-sample ("contramuestra") to be re-tested.
 *
 * @param id     the client's id for the dispute: sending the same request again answers what it created
 * @param reason why the rejection is contested, as the producer or the centre tells it
 */
public record DisputeRequest(@NotNull UUID id, @NotBlank @Size(max = 500) String reason) {
}

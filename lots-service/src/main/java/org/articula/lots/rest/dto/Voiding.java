package org.articula.lots.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Voids a lot recorded by mistake; it stays on record with the reason. */
public record Voiding(@NotNull Long version, @NotBlank @Size(max = 500) String reason) {
}

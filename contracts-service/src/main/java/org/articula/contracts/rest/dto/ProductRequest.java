package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product a buyer defines for itself, beyond the common catalogue. */
public record ProductRequest(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}", message = "minúsculas, dígitos y _, hasta 40") String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "L|kg|t|unit", message = "una de: L, kg, t, unit") String unit) {
}

package org.articula.lots.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

public record OperatorRequest(@NotNull UUID id, @NotBlank @Size(max = 200) String name) {
}

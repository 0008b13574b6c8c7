package org.articula.payments.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Closing(@NotBlank @Size(max = 100) String by) {
}

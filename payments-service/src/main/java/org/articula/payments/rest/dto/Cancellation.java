package org.articula.payments.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record Cancellation(@NotBlank @Size(max = 500) String reason) {
}

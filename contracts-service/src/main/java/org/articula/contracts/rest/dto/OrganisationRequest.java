package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.articula.contracts.domain.OrganisationKind;

/**
 * @param id       chosen by the client, so that repeating the request never creates a second one
 * @param parentId required for a PRODUCER_GROUP: its association or cooperative
 */
public record OrganisationRequest(
        @NotNull UUID id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationKind kind,
        @Pattern(regexp = "\\d{11}", message = "un RUC tiene 11 dígitos") String ruc,
        UUID parentId,
        @Size(max = 100) String district,
        @Size(max = 100) String region) {
}

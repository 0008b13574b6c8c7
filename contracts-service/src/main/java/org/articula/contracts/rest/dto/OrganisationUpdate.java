package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * New name, RUC and place of an organisation. Its kind and parent stay: a producer group does not
 * become an association, nor move to another one.
 *
 * @param version the version the client read; a stale one is refused (someone else changed it)
 */
public record OrganisationUpdate(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "\\d{11}", message = "un RUC tiene 11 dígitos") String ruc,
        @Size(max = 100) String district,
        @Size(max = 100) String region,
        @NotNull Long version) {
}

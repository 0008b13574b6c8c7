package org.articula.contracts.rest.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.CertificationScheme;

/**
 * A certificate held by one producer ({@code producerId}) or by an organisation ({@code organisationId}: the
 * caller's own or one of its networks, whose producers it then covers); exactly one of the two.
 *
 * @param id          chosen by the client; the same certificate sent twice is stored once
 * @param schemeName  the scheme's name, for OTHER only
 * @param certifier   the certifying body, e.g. Control Union Perú
 * @param products    the product codes in its scope (cacao, coffee...)
 * @param code        the certificate's number as the certifier wrote it
 * @param validFrom   first day it is valid
 * @param validTo     last day it is valid
 * @param documentRef where the certificate document is kept (a file name, a link)
 */
public record CertificationRequest(
        @NotNull UUID id,
        UUID producerId,
        UUID organisationId,
        @NotNull CertificationScheme scheme,
        @Size(max = 100) String schemeName,
        @NotBlank @Size(max = 200) String certifier,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> products,
        @NotBlank @Size(max = 60) String code,
        @NotNull LocalDate validFrom,
        @NotNull LocalDate validTo,
        @Size(max = 500) String documentRef) {
}

package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.contracts.domain.CertificationScheme;

/**
 * A certificate as kept. {@code organisationId} is the organisation that keeps it; the holder is
 * {@code producerId} or {@code holderOrganisationId}, the other being null.
 */
public record CertificationView(
        UUID id,
        UUID organisationId,
        UUID producerId,
        UUID holderOrganisationId,
        CertificationScheme scheme,
        String schemeName,
        String certifier,
        List<String> products,
        String code,
        LocalDate validFrom,
        LocalDate validTo,
        String documentRef,
        String recordedBy,
        Instant recordedAt) {
}

package org.articula.contracts.domain;

import java.util.UUID;

/**
 * Which agreements to list: those {@code partyId} is party to (as the producers' organisation or the buyer),
 * narrowed by the other fields; null ones do not narrow.
 */
public record AgreementSearch(UUID partyId, UUID organisationId, UUID buyerId, UUID producerId, UUID groupId,
        String product, AgreementStatus status) {
}

package org.articula.contracts.rest.dto;

import java.util.List;
import java.util.UUID;

/**
 * A certificate that ends soon, or has ended while an agreement still requires its scheme of a producer it covered.
 *
 * @param daysLeft   days from today (America/Lima) to its last valid day: 0 on that day, negative once expired
 * @param expired    whether its last valid day has passed
 * @param requiredBy the ACTIVE agreements whose clauses in force today require its scheme of a producer it covers
 */
public record ExpiringCertification(
        CertificationView certification,
        long daysLeft,
        boolean expired,
        List<UUID> requiredBy) {
}

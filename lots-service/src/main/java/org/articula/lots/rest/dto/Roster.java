package org.articula.lots.rest.dto;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.DayRange;
import org.articula.lots.domain.TermsVersion;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a collection centre's device keeps to record and judge lots offline: the agreements lots can be
 * recorded under at the centre and the producers they cover, all of them ({@code full}) or those changed
 * since the cursor sent. The device upserts each by id and sends {@code cursor} as {@code since} next
 * time; a row may come again, never goes missing.
 */
public record Roster(String cursor, boolean full, List<Producer> producers, List<Agreement> agreements) {

    @Schema(name = "RosterProducer")
    public record Producer(UUID id, String name, String nationalId, UUID groupId) {
    }

    /** In force on the days of {@code periodsInForce}; each lot is judged by the version governing its day. */
    @Schema(name = "RosterAgreement")
    public record Agreement(UUID id, UUID organisationId, UUID buyerId, UUID producerId, UUID groupId, String product,
            String unit, String status, LocalDate startDate, LocalDate endDate, List<DayRange> periodsInForce,
            List<TermsVersion> versions, long revision) {
    }
}

package org.articula.lots.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.LotFlag;
import org.articula.lots.domain.LotStatus;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.RejectionReason;
import org.articula.lots.domain.Shift;
import org.articula.lots.domain.Verdict;

/**
 * What the producer takes home: the lot, the verdict with one reason per failed parameter, and the
 * agreement and clause version it was judged by. Also the {@code lot} of every lot event, without flags.
 *
 * @param parcelId the producer's parcel the lot was harvested from (EUDR), or null
 * @param flags    what the buyer should know that does not change the verdict, as of now (e.g.
 *                 CERTIFICATE_NOT_VALID); empty when none. Judged when read: absent from events.
 */
public record LotReceipt(UUID id, UUID organisationId, UUID centreId, UUID producerId, String product,
        @Digits(integer = 6, fraction = 3) BigDecimal quantity, String unit, Instant deliveredAt,
        LocalDate deliveryDate, Shift shift,
        UUID agreementId, int agreementVersion, UUID parcelId, List<Reading> readings, Verdict verdict,
        List<RejectionReason> reasons, @JsonInclude(JsonInclude.Include.NON_NULL) List<LotFlag> flags,
        LotStatus status, int revision, UUID recordedBy, Instant recordedAt, long version) {
}

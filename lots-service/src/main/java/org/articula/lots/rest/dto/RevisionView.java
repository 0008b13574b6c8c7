package org.articula.lots.rest.dto;

import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.articula.lots.domain.LotRevision;
import org.articula.lots.domain.LotStatus;
import org.articula.lots.domain.Reading;
import org.articula.lots.domain.RejectionReason;
import org.articula.lots.domain.Verdict;

public record RevisionView(int revision, LotRevision.Kind kind,
        @Digits(integer = 6, fraction = 3) BigDecimal quantity, List<Reading> readings,
        Verdict verdict, List<RejectionReason> reasons, LotStatus status, UUID parcelId, String reason,
        String changedBy, Instant changedAt) {
}

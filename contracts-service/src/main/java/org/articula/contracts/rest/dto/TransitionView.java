package org.articula.contracts.rest.dto;

import java.time.Instant;
import java.time.LocalDate;
import org.articula.contracts.domain.AgreementStatus;
import org.articula.contracts.domain.TerminationReason;

public record TransitionView(int seq, AgreementStatus from, AgreementStatus to, LocalDate effectiveOn,
        TerminationReason reasonCode, String reason, String recordedBy, Instant recordedAt) {
}

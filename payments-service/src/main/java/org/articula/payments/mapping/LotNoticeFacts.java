package org.articula.payments.mapping;

import static org.articula.platform.events.Payload.decimal;
import static org.articula.platform.events.Payload.required;
import static org.articula.platform.events.Payload.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import org.articula.payments.domain.Notice;
import org.articula.platform.time.BusinessClock;

/** What a lot notice tells of a lot in lots-service's lot payload (api-specs/events/lots-service). */
public final class LotNoticeFacts {

    private LotNoticeFacts() {
    }

    public static Notice.LotFacts of(JsonNode lot) {
        return new Notice.LotFacts(LocalDateTime.ofInstant(Instant.parse(text(lot, "deliveredAt")), BusinessClock.LIMA),
                decimal(lot, "quantity"), text(lot, "unit"), "ACCEPTED".equals(text(lot, "verdict")),
                required(lot, "reasons").findValuesAsText("message"));
    }
}

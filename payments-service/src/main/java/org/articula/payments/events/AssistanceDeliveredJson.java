package org.articula.payments.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.articula.payments.domain.AssistanceDelivery;

/** Reads the {@code delivery} of contracts-service's AssistanceDelivered (api-specs/events/contracts-service). */
final class AssistanceDeliveredJson {

    private AssistanceDeliveredJson() {
    }

    static AssistanceDelivery read(JsonNode d) {
        List<AssistanceDelivery.Share> shares = new ArrayList<>();
        for (JsonNode p : d.path("producers")) {
            shares.add(new AssistanceDelivery.Share(UUID.fromString(p.path("producerId").asText()),
                    p.path("charged").decimalValue()));
        }
        return new AssistanceDelivery(UUID.fromString(d.path("id").asText()),
                UUID.fromString(d.path("organisationId").asText()), d.path("kind").asText(),
                LocalDate.parse(d.path("deliveredOn").asText()), d.path("deliveredBy").asText(),
                d.path("description").isNull() ? null : d.path("description").asText(), d.path("charged").asBoolean(),
                d.path("maxInstalments").asInt(), shares);
    }
}

package org.articula.localstack.testing.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every builder's event passes its publisher's schema as built, keyed and routed as its publisher does. */
class UpstreamEventsTest {

    private final UUID organisation = UUID.randomUUID();
    private final UUID producer = UUID.randomUUID();

    @Test
    void contractsEventsGoToContractsEventsKeyedByTheirAggregate() throws IOException {
        UpstreamEvent registered = UpstreamEvents.producer().id(producer).organisation(organisation).registered();
        assertEquals("contracts.events", registered.topic());
        assertEquals(producer.toString(), registered.key());
        assertEquals("ProducerUpdated",
                UpstreamEvents.producer().id(producer).organisation(organisation).updated(1).type());
        assertEquals("OrganisationRegistered", UpstreamEvents.organisation().id(organisation).registered().type());

        UUID agreement = UUID.randomUUID();
        UpstreamEvent amended = UpstreamEvents.agreement().id(agreement).organisation(organisation).individual(producer)
                .revision(2).terms(UpstreamEvents.terms().to(LocalDate.of(2026, 6, 30)).basePrice("1.00"),
                        UpstreamEvents.terms().from(LocalDate.of(2026, 7, 1)).basePrice("1.10")
                                .adjustment("fat", "3.8", null, "0.02").tier("500", "0.01")
                                .committing("300", "FORTNIGHT", "10", "0.05")
                                .assistance("TECHNICAL_VISITS", 4, false).assistance("VETERINARY_SERVICE", null, true))
                .amended();
        JsonNode payload = json(amended).path("payload");
        assertEquals(agreement.toString(), amended.key());
        assertEquals(2, payload.at("/change/versionNumber").asInt());
        assertEquals("2026-07-01", payload.at("/change/effectiveFrom").asText());
        assertEquals("fat", payload.at("/agreement/versions/1/clauses/quality/parameters/0/code").asText());
        assertEquals(4, payload.at("/agreement/versions/1/clauses/assistance/services/0/visitsPerMonth").asInt());
        assertTrue(payload.at("/agreement/versions/1/clauses/assistance/services/1/visitsPerMonth").isNull());

        JsonNode terminated = json(UpstreamEvents.agreement().organisation(organisation).group(UUID.randomUUID())
                .quality(QualityParameter.numeric("total_solids", "%", "11.5", null),
                        QualityParameter.test("abx", false))
                .revision(2).terminated(LocalDate.of(2026, 10, 5)));
        assertEquals("TERMINATED", terminated.at("/payload/change/kind").asText());
        assertEquals("2026-10-06", terminated.at("/payload/change/effectiveOn").asText());
        assertEquals("2026-10-05", terminated.at("/payload/agreement/periodsInForce/0/to").asText());
    }

    @Test
    void anAssistanceDeliveryIsKeyedByItsIdAndSplitAsContractsServiceSplitsIt() throws IOException {
        UUID delivery = UUID.randomUUID();
        UUID low = UUID.fromString("10000000-0000-4000-8000-000000000000");
        UUID high = UUID.fromString("f0000000-0000-4000-8000-000000000000");
        UpstreamEvent vet = UpstreamEvents.assistanceDelivered().id(delivery).organisation(organisation)
                .producers(high, low).delivered();
        assertEquals("contracts.events", vet.topic());
        assertEquals(delivery.toString(), vet.key());
        JsonNode producers = json(vet).at("/payload/delivery/producers");
        // 45.01 / 2 = 22.50 each, the céntimo left over to the lower id as text.
        assertEquals(low.toString(), producers.at("/0/producerId").asText());
        assertEquals("22.51", producers.at("/0/charged").decimalValue().toPlainString());
        assertEquals("22.50", producers.at("/1/charged").decimalValue().toPlainString());
        JsonNode free = json(UpstreamEvents.assistanceDelivered().organisation(organisation).kind("TECHNICAL_VISITS")
                .free().wholeNetwork(producer).delivered()).at("/payload/delivery");
        assertEquals("0.00", free.at("/producers/0/charged").decimalValue().toPlainString());
        assertEquals(true, free.at("/wholeNetwork").asBoolean());
    }

    @Test
    void lotEventsCarryEachRevisionAndItsPreviousKeyedByProducer() throws IOException {
        Lot recorded = UpstreamEvents.lot().organisation(organisation).producer(producer).quantity("20")
                .readings(Map.of("total_solids", "10.9"))
                .verdict("REJECTED", "total_solids 10.9 % bajo el mínimo 11.5");
        UpstreamEvent first = recorded.recorded();
        assertEquals("lots.events", first.topic());
        assertEquals(producer.toString(), first.key());
        assertEquals("BELOW_MIN", json(first).at("/payload/lot/reasons/0/code").asText());
        assertEquals("11.5", json(first).at("/payload/lot/reasons/0/limit").decimalValue().toPlainString());

        Lot corrected = recorded.revised().quantity("18").verdict("ACCEPTED");
        JsonNode correction = json(corrected.corrected("balanza")).path("payload");
        assertEquals(2, correction.at("/lot/revision").asInt());
        assertEquals("20", correction.at("/previous/quantity").decimalValue().toPlainString());
        assertEquals("18", correction.at("/lot/quantity").decimalValue().toPlainString());

        JsonNode voided = json(corrected.voided("duplicado")).path("payload");
        assertEquals("VOIDED", voided.at("/lot/status").asText());
        assertEquals(3, voided.at("/lot/revision").asInt());
        assertEquals(2, voided.at("/previous/revision").asInt());
    }

    @Test
    void anEventOutsideItsPublishersSchemaIsRefusedUnlessBuiltUnchecked() {
        Lot huge = UpstreamEvents.lot().organisation(organisation).producer(producer).quantity("999999999.999");
        assertThrows(AssertionError.class, huge::recorded);
        assertEquals("LotRecorded", huge.unchecked().recorded().type());
        assertThrows(IllegalStateException.class,
                () -> UpstreamEvents.agreement().organisation(organisation).activated());
    }

    private static JsonNode json(UpstreamEvent event) throws IOException {
        return UpstreamEvents.JSON.readTree(event.json());
    }
}

package org.articula.lots.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.domain.TermsVersion;
import org.junit.jupiter.api.Test;

/** The dispute terms of an agreement's quality clause, as published now and as events before them had none. */
class ContractsEventMapperTest {

    static final LocalDate START = LocalDate.of(2026, 10, 1);

    @Test
    void theClausesDisputeTermsAreReadAndAnEventWithoutThemGetsTheDefaults() throws Exception {
        JsonNode agreement = agreement(UpstreamEvents.agreement().organisation(UUID.randomUUID())
                .individual(UUID.randomUUID()).from(START).to(START.plusDays(300)).disputes(12, false).activated());
        TermsVersion stated = ContractsEventMapper.agreement(agreement, Instant.now()).versions.get(0);
        assertEquals(Duration.ofHours(12), stated.contestWindow());
        assertFalse(stated.untestedFavoursProducer());

        ObjectNode quality = (ObjectNode) agreement.at("/versions/0/clauses/quality");
        quality.remove("contestWindowHours");
        quality.remove("untestedDisputeFavoursProducer");
        TermsVersion old = ContractsEventMapper.agreement(agreement, Instant.now()).versions.get(0);
        assertEquals(Duration.ofHours(48), old.contestWindow());
        assertTrue(old.untestedFavoursProducer());
    }

    private static JsonNode agreement(org.articula.localstack.testing.upstream.UpstreamEvent event) throws Exception {
        return new ObjectMapper().readTree(event.json()).path("payload").path("agreement");
    }
}

package org.articula.lots.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.articula.localstack.testing.upstream.UpstreamEvents;
import org.articula.lots.domain.Parcel;
import org.articula.lots.domain.RequiredCertification;
import org.articula.lots.domain.TermsVersion;
import org.articula.platform.events.EventJson;
import org.junit.jupiter.api.Test;

/**
 * The dispute terms and the certification clause of an agreement, as published now and as events before them had
 * none; a parcel's geometry as written.
 */
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

    @Test
    void theCertificationClauseIsReadPerVersionAndAnEventWithoutItRequiresNone() throws Exception {
        JsonNode agreement = agreement(UpstreamEvents.agreement().organisation(UUID.randomUUID())
                .individual(UUID.randomUUID()).from(START).to(START.plusDays(300)).product("coffee", "kg")
                .terms(UpstreamEvents.terms().to(START.plusDays(99)),
                        UpstreamEvents.terms().from(START.plusDays(100)).requiring("OTHER", "Bio Suisse"))
                .activated());
        List<TermsVersion> versions = ContractsEventMapper.agreement(agreement, Instant.now()).versions;
        assertEquals(Optional.empty(), versions.get(0).requiredCertification());
        assertEquals(Optional.of(new RequiredCertification("OTHER", "Bio Suisse")),
                versions.get(1).requiredCertification());
        assertEquals("Bio Suisse", versions.get(1).requiredCertification().orElseThrow().label());

        ((ObjectNode) agreement.at("/versions/1/clauses")).remove("certification");
        assertEquals(Optional.empty(),
                ContractsEventMapper.agreement(agreement, Instant.now()).versions.get(1).requiredCertification());
    }

    @Test
    void aParcelKeepsItsCoordinatesAsWritten() throws Exception {
        UUID producer = UUID.randomUUID();
        byte[] json = UpstreamEvents.parcel().organisation(UUID.randomUUID()).producer(producer)
                .point("-74.638100", "-11.254300", "3.5").registered().json();
        Parcel parcel = ContractsEventMapper.parcel(EventJson.read(json).payload().path("parcel"));
        assertEquals("{\"type\":\"Point\",\"coordinates\":[-74.638100,-11.254300]}", parcel.geometry);
        assertEquals(producer, parcel.producerId);
        assertEquals(new BigDecimal("3.5"), parcel.declaredAreaHectares);
        assertEquals(null, parcel.computedAreaHectares);
        assertTrue(parcel.deforestationFreeSince2020);
    }

    private static JsonNode agreement(org.articula.localstack.testing.upstream.UpstreamEvent event) throws Exception {
        return new ObjectMapper().readTree(event.json()).path("payload").path("agreement");
    }
}

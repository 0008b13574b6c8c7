package org.articula.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The cacao cooperative's agreements and certificates as the sample sends them. */
class SampleDataTest {

    private static final UUID GROUP = SampleData.id("org:cacao-cooperative:sic");
    private static final List<UUID> MEMBERS = IntStream.rangeClosed(1, SampleData.CACAO_PRODUCERS)
            .mapToObj(i -> SampleData.id("producer:cacao:" + i)).toList();

    @Test
    @SuppressWarnings("unchecked")
    void cacaoAgreementsRequireOrganicThroughTheClauseNotAReading() {
        Map<String, Object> clauses = SampleData.cacaoClauses();
        assertEquals(Map.of("required", "ORGANIC"), clauses.get("certification"));
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) ((Map<String, Object>) clauses
                .get("quality")).get("parameters");
        assertFalse(parameters.stream().anyMatch(p -> "BOOLEAN".equals(p.get("kind"))), parameters.toString());
    }

    @Test
    void theGroupCertificateIsTheNetworksAndTheExpiredOneTheMemberOutsideItsOwn() {
        List<Map<String, Object>> certificates = SampleData.cacaoCertifications(GROUP, MEMBERS);
        assertEquals(3, certificates.size());
        Map<String, Object> group = certificates.get(0);
        assertEquals(GROUP, group.get("organisationId"));
        assertEquals(List.of("2026-03-01", "2027-02-28"), List.of(group.get("validFrom"), group.get("validTo")));
        Map<String, Object> expired = certificates.get(2);
        assertEquals(MEMBERS.get(SampleData.EXPIRED_ORGANIC_MEMBER - 1), expired.get("producerId"));
        assertEquals("ORGANIC", expired.get("scheme"));
        // Ended before the group certificate would: a delivery of theirs now finds no valid organic certificate.
        assertTrue(LocalDate.parse((String) expired.get("validTo")).isBefore(LocalDate.of(2026, 12, 1)));
    }

    /**
     * What the comment on cacaoCertifications promises: from 2026-11-30 on, the default 60-day "expiring" list
     * shows a certificate ending within 60 days, or an ORGANIC one already ended (the agreements require it).
     */
    @Test
    void theExpiringListHasSomethingToShowOnAnyDayFromTheEndOfNovember2026() {
        List<Map<String, Object>> certificates = SampleData.cacaoCertifications(GROUP, MEMBERS);
        for (LocalDate today = LocalDate.of(2026, 11, 30); today
                .isBefore(LocalDate.of(2028, 1, 1)); today = today.plusDays(1)) {
            LocalDate day = today;
            boolean shown = certificates.stream().anyMatch(c -> {
                LocalDate end = LocalDate.parse((String) c.get("validTo"));
                return !end.isBefore(day) && !end.isAfter(day.plusDays(60))
                        || end.isBefore(day) && "ORGANIC".equals(c.get("scheme"));
            });
            assertTrue(shown, "nothing expiring on " + today);
        }
        LocalDate fairtradeEnd = LocalDate.parse((String) certificates.get(1).get("validTo"));
        assertTrue(!fairtradeEnd.isAfter(LocalDate.of(2026, 12, 1).plusDays(60)), "Fairtrade ends " + fairtradeEnd);
    }

    @Test
    void rucsCarrySunatsCheckDigit() {
        assertEquals("20100190797", SampleData.ruc("2010019079")); // Gloria S.A., as SUNAT publishes it
    }
}

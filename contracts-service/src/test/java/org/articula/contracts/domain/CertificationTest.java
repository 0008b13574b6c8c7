package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.articula.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** A cooperative's organic group certificate for cacao, valid through 2025. */
class CertificationTest {

    static final LocalDate FROM = LocalDate.of(2025, 1, 1);
    static final LocalDate TO = LocalDate.of(2025, 12, 31);

    @Test
    void validOnEveryDayOfItsValidityBothEndsIncludedAndForItsProductsOnly() {
        Certification c = organic(TO);
        assertTrue(c.validOn(FROM));
        assertTrue(c.validOn(TO));
        assertFalse(c.validOn(TO.plusDays(1)));
        assertFalse(c.validOn(FROM.minusDays(1)));
        assertTrue(c.covers("cacao"));
        assertFalse(c.covers("coffee"));
        assertTrue(c.isOf(CertificationScheme.ORGANIC, null));
        assertFalse(c.isOf(CertificationScheme.FAIRTRADE, null));
    }

    @Test
    void expiredFromTheDayAfterItsLastValidDay() {
        Certification c = organic(TO);
        assertTrue(c.expiredOn(TO.plusDays(1)));
        assertFalse(c.expiredOn(TO));
    }

    @Test
    void refusesTwoHoldersAnUnnamedOtherSchemeAndAValidityThatEndsBeforeItStarts() {
        ProblemException refused = assertThrows(ProblemException.class, () -> Certification.record(
                new Certification.Facts(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                        CertificationScheme.OTHER, " ", "Bio Latina", List.of("cacao"), "BL-1", TO, FROM, null),
                UUID.randomUUID(), "Carmen", Instant.now()));
        assertEquals(List.of("producerId", "schemeName", "validTo"),
                refused.problem().violations().stream().map(v -> v.field()).toList());
        Certification other = Certification.record(new Certification.Facts(UUID.randomUUID(), UUID.randomUUID(),
                null, CertificationScheme.OTHER, "Bird Friendly", "Smithsonian", List.of("coffee"), "BF-9", FROM, TO,
                null), UUID.randomUUID(), "Carmen", Instant.now());
        assertTrue(other.isOf(CertificationScheme.OTHER, "bird friendly"));
        assertFalse(other.isOf(CertificationScheme.OTHER, "Demeter"));
    }

    private static Certification organic(LocalDate to) {
        return Certification.record(new Certification.Facts(UUID.randomUUID(), null, UUID.randomUUID(),
                CertificationScheme.ORGANIC, null, "Control Union Perú", List.of("cacao"), "CU-PE-820145", FROM, to,
                "certificados/cu-pe-820145.pdf"), UUID.randomUUID(), "Carmen Vásquez", Instant.now());
    }
}

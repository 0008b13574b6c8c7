package org.articula.lots.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The certification rule: a certificate valid on the delivery day, covering the product, held for the producer. */
class CertificatesTest {

    static final LocalDate DELIVERY = LocalDate.of(2026, 11, 20);
    static final RequiredCertification ORGANIC = new RequiredCertification("ORGANIC", null);
    static final TermsVersion REQUIRING_ORGANIC = new TermsVersion(2, LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 12, 31), List.of(), null, null, ORGANIC);

    final UUID cooperative = UUID.randomUUID();
    final UUID network = UUID.randomUUID();
    final ProducerRef producer = producer(cooperative, network);

    @Test
    void aCertificateIsValidFromItsFirstToItsLastDayInclusive() {
        Certificate c = certificate(producer.id, null, "ORGANIC", LocalDate.of(2026, 1, 1), DELIVERY);
        assertTrue(c.validOn(LocalDate.of(2026, 1, 1)));
        assertTrue(c.validOn(DELIVERY));
        assertFalse(c.validOn(DELIVERY.plusDays(1)));
        assertFalse(c.validOn(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void aCertificateCoversOnlyTheProductsInItsScope() {
        Certificate c = certificate(producer.id, null, "ORGANIC", DELIVERY, DELIVERY);
        assertTrue(c.covers("cacao"));
        assertFalse(c.covers("coffee"));
    }

    @Test
    void itIsHeldForTheProducerItNamesOrForEveryProducerOfTheHoldingOrganisationOrNetwork() {
        assertTrue(certificate(producer.id, null, "ORGANIC", DELIVERY, DELIVERY).heldFor(producer));
        assertFalse(certificate(UUID.randomUUID(), null, "ORGANIC", DELIVERY, DELIVERY).heldFor(producer));
        assertTrue(certificate(null, cooperative, "ORGANIC", DELIVERY, DELIVERY).heldFor(producer));
        assertTrue(certificate(null, network, "ORGANIC", DELIVERY, DELIVERY).heldFor(producer));
        assertFalse(certificate(null, UUID.randomUUID(), "ORGANIC", DELIVERY, DELIVERY).heldFor(producer));
        assertFalse(certificate(null, network, "ORGANIC", DELIVERY, DELIVERY).heldFor(producer(cooperative, null)));
    }

    @Test
    void aLotUnderAVersionRequiringOrganicIsFlaggedWithoutAValidOrganicCertificateOnItsDeliveryDay() {
        Lot lot = cacaoLot();
        Certificates expiredTheDayBefore = new Certificates(
                List.of(certificate(producer.id, null, "ORGANIC", LocalDate.of(2025, 11, 20), DELIVERY.minusDays(1))));
        assertEquals(Optional.of(new LotFlag("CERTIFICATE_NOT_VALID",
                "Sin certificado ORGANIC vigente el 20/11/2026 (exigido por la versión 2 del acuerdo)")),
                expiredTheDayBefore.flag(lot, REQUIRING_ORGANIC, producer));
        Certificates fairtradeOnly = new Certificates(
                List.of(certificate(producer.id, null, "FAIRTRADE", DELIVERY, DELIVERY)));
        assertTrue(fairtradeOnly.flag(lot, REQUIRING_ORGANIC, producer).isPresent());
        Certificates lastDay = new Certificates(
                List.of(certificate(null, network, "ORGANIC", LocalDate.of(2026, 1, 1), DELIVERY)));
        assertEquals(Optional.empty(), lastDay.flag(lot, REQUIRING_ORGANIC, producer));
    }

    @Test
    void aVersionRequiringNothingFlagsNothingAndAnOtherSchemeIsMatchedByItsName() {
        Lot lot = cacaoLot();
        TermsVersion none = new TermsVersion(1, DELIVERY, DELIVERY, List.of());
        assertEquals(Optional.empty(), new Certificates(List.of()).flag(lot, none, producer));

        RequiredCertification biosuisse = new RequiredCertification("OTHER", "Bio Suisse");
        Certificate named = certificate(producer.id, null, "OTHER", DELIVERY, DELIVERY);
        named.schemeName = "BIO SUISSE";
        assertTrue(new Certificates(List.of(named)).attested(biosuisse, lot, producer));
        assertTrue(new Certificates(List.of(named)).attested(RequiredCertification.declared("BIO_SUISSE"), lot,
                producer));
        named.schemeName = "Naturland";
        assertFalse(new Certificates(List.of(named)).attested(biosuisse, lot, producer));
    }

    @Test
    void aShipmentDeclaredCertifiedRefusesAFlaggedLotAndOneWithoutTheDeclaredSchemeOnItsDay() {
        Lot lot = cacaoLot();
        Certificate organic = certificate(producer.id, null, "ORGANIC", DELIVERY, DELIVERY);
        Certificates valid = new Certificates(List.of(organic));
        assertEquals(Optional.empty(),
                valid.refusal(RequiredCertification.declared("ORGANIC"), lot, REQUIRING_ORGANIC, producer));
        assertEquals(Optional.of("el lote " + lot.id + " no tiene certificado FAIRTRADE vigente el 20/11/2026, "
                + "el de su entrega"),
                valid.refusal(RequiredCertification.declared("FAIRTRADE"), lot, REQUIRING_ORGANIC, producer));
        Certificates fairtradeOnly = new Certificates(
                List.of(certificate(producer.id, null, "FAIRTRADE", DELIVERY, DELIVERY)));
        assertTrue(fairtradeOnly.refusal(RequiredCertification.declared("FAIRTRADE"), lot, REQUIRING_ORGANIC,
                producer).orElseThrow().contains("está observado: Sin certificado ORGANIC"));
    }

    private Lot cacaoLot() {
        Lot lot = new Lot();
        lot.id = UUID.randomUUID();
        lot.producerId = producer.id;
        lot.product = "cacao";
        lot.deliveryDate = DELIVERY;
        lot.agreementVersion = 2;
        return lot;
    }

    private static ProducerRef producer(UUID organisation, UUID group) {
        ProducerRef p = new ProducerRef();
        p.id = UUID.randomUUID();
        p.organisationId = organisation;
        p.groupId = group;
        p.name = "Elmer Huamán";
        return p;
    }

    private static Certificate certificate(UUID producerId, UUID holder, String scheme, LocalDate from,
            LocalDate to) {
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        c.producerId = producerId;
        c.holderOrganisationId = holder;
        c.scheme = scheme;
        c.products = List.of("cacao");
        c.validFrom = from;
        c.validTo = to;
        return c;
    }
}

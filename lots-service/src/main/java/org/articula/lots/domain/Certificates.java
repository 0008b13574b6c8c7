package org.articula.lots.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The certificates that may concern some lots (their producers' own and their organisations' and networks'), and
 * the rule judging each lot by them: a lot delivered under a clause version requiring a certification, by a
 * producer with no certificate of that scheme covering the product and valid on the delivery day, is flagged. The
 * flag never changes the verdict (docs/decisions/0030-certifications-and-parcels.md).
 */
public record Certificates(List<Certificate> known) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The lot's flag under the clause version it was judged by; empty when it requires none or one is valid. */
    public Optional<LotFlag> flag(Lot lot, TermsVersion version, ProducerRef producer) {
        return version.requiredCertification().filter(required -> !attested(required, lot, producer))
                .map(required -> new LotFlag(LotFlag.CERTIFICATE_NOT_VALID, "Sin certificado " + required.label()
                        + " vigente el " + day(lot.deliveryDate) + " (exigido por la versión " + version.number()
                        + " del acuerdo)"));
    }

    /** Whether one of the certificates attests the lot in that scheme on its delivery day. */
    public boolean attested(RequiredCertification scheme, Lot lot, ProducerRef producer) {
        return producer != null
                && known.stream().anyMatch(c -> c.attests(scheme, producer, lot.product, lot.deliveryDate));
    }

    /**
     * Why the lot cannot enter a shipment declared certified in {@code declared}: it is flagged, or no certificate
     * attests it in that scheme on its delivery day. Empty when it can.
     */
    public Optional<String> refusal(RequiredCertification declared, Lot lot, TermsVersion version,
            ProducerRef producer) {
        Optional<LotFlag> flag = flag(lot, version, producer);
        if (flag.isPresent()) {
            return Optional.of("el lote " + lot.id + " está observado: " + flag.get().detail());
        }
        if (!attested(declared, lot, producer)) {
            return Optional.of("el lote " + lot.id + " no tiene certificado " + declared.label() + " vigente el "
                    + day(lot.deliveryDate) + ", el de su entrega");
        }
        return Optional.empty();
    }

    /** A day as a Peruvian user reads it: 20/11/2026. */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }
}

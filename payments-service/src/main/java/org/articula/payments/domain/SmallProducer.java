package org.articula.payments.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who counts as a small producer for the purchase ledger (Ley 32434; docs/decisions/0031-purchase-ledger.md): a
 * natural person, known by a DNI (8 digits) or by a RUC of a natural person (11 digits starting with 10, 15 or
 * 17). A RUC starting with 20 is a company (a cooperative, an association, a firm) and is left out; so is a
 * producer whose document payments-service does not know.
 */
public final class SmallProducer {

    /** The kind of document a producer is known by. */
    public enum DocumentType {
        DNI,
        RUC
    }

    private static final Pattern DNI = Pattern.compile("[0-9]{8}");
    private static final Pattern RUC = Pattern.compile("(10|15|17|20)[0-9]{9}");
    private static final Pattern NATURAL_PERSON_RUC = Pattern.compile("(10|15|17)[0-9]{9}");

    private SmallProducer() {
    }

    /** DNI for 8 digits, RUC for 11 with a known prefix; nothing for anything else (or nothing). */
    public static Optional<DocumentType> documentType(String nationalId) {
        if (nationalId == null) {
            return Optional.empty();
        }
        if (DNI.matcher(nationalId).matches()) {
            return Optional.of(DocumentType.DNI);
        }
        return RUC.matcher(nationalId).matches() ? Optional.of(DocumentType.RUC) : Optional.empty();
    }

    /** Whether a purchase from the producer known by this DNI or RUC goes in the ledger. */
    public static boolean qualifies(String nationalId) {
        return nationalId != null
                && (DNI.matcher(nationalId).matches() || NATURAL_PERSON_RUC.matcher(nationalId).matches());
    }
}

package org.articula.lots.domain;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * GS1 keys for the EPCIS export, derived deterministically from a GS1 company prefix and our ids
 * (docs/decisions/0029-shipments-and-epcis.md), written as GS1 Digital Link URIs on id.gs1.org:
 * <ul>
 * <li>GLN of a centre or an organisation: prefix + location reference (the id's first 64 bits mod
 * 10^(12 - prefix length)) + check digit;</li>
 * <li>LGTIN of a lot: the product's GTIN-14 (indicator 9, a variable-measure trade item, + prefix + the product's
 * item reference + check digit) with the lot's number (AI 10: the first 20 hex digits of its id, upper case);</li>
 * <li>SSCC of a shipment: extension digit 0 + prefix + serial reference (the id's first 64 bits mod
 * 10^(16 - prefix length)) + check digit.</li>
 * </ul>
 */
public final class Gs1Keys {

    /** Item references of the products we know; any other is derived from its code (see {@link #itemReference}). */
    private static final Map<String, Integer> ITEM_REFERENCES = Map.of("milk", 1, "trout", 2, "cacao", 3, "coffee", 4);
    private static final String DIGITAL_LINK = "https://id.gs1.org/";

    private final String prefix;

    /** {@code prefix}: a GS1 company prefix of 6 to 11 digits. */
    public Gs1Keys(String prefix) {
        if (prefix == null || !prefix.matches("[0-9]{6,11}")) {
            throw new IllegalArgumentException("a GS1 company prefix has 6 to 11 digits: " + prefix);
        }
        this.prefix = prefix;
    }

    /** The GS1 mod-10 check digit of the digits given (the key without its check digit). */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (digit < 0 || digit > 9) {
                throw new IllegalArgumentException("not a digit in " + digits);
            }
            sum += i % 2 == 0 ? 3 * digit : digit; // weights 3, 1, 3... from the right
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a whole key (its last digit the check digit) is valid. */
    public static boolean isValid(String key) {
        return key.matches("[0-9]{8,18}")
                && checkDigit(key.substring(0, key.length() - 1)) == key.charAt(key.length() - 1) - '0';
    }

    /** The 13-digit GLN of a place or party we identify by {@code id}. */
    public String gln(UUID id) {
        return withCheckDigit(prefix + reference(id, 12 - prefix.length()));
    }

    /** The GTIN-14 of a product, by its code (milk, trout...). */
    public String gtin(String product) {
        return withCheckDigit("9" + prefix + pad(itemReference(product), 12 - prefix.length()));
    }

    /** A lot's number for AI 10 (at most 20 alphanumerics). */
    public static String lotNumber(UUID lot) {
        return lot.toString().replace("-", "").substring(0, 20).toUpperCase(Locale.ROOT);
    }

    /** The 18-digit SSCC of a shipment. */
    public String sscc(UUID shipment) {
        return withCheckDigit("0" + prefix + reference(shipment, 16 - prefix.length()));
    }

    public String glnUri(UUID id) {
        return DIGITAL_LINK + "414/" + gln(id);
    }

    public String lgtinUri(String product, UUID lot) {
        return DIGITAL_LINK + "01/" + gtin(product) + "/10/" + lotNumber(lot);
    }

    public String ssccUri(UUID shipment) {
        return DIGITAL_LINK + "00/" + sscc(shipment);
    }

    /** A party's GLN as EPCIS 2.0 names parties in source and destination lists. */
    public String pglnUri(UUID organisation) {
        return DIGITAL_LINK + "417/" + gln(organisation);
    }

    // Known products get their reference; others one derived from the code, above the ones we assign by hand and
    // within the digits the prefix leaves (a single one for an 11-digit prefix).
    private long itemReference(String product) {
        Integer known = ITEM_REFERENCES.get(product);
        if (known != null) {
            return known;
        }
        CRC32 crc = new CRC32();
        crc.update(product.getBytes(StandardCharsets.UTF_8));
        long room = (long) Math.pow(10, 12 - prefix.length());
        long firstFree = ITEM_REFERENCES.size() + 1;
        return firstFree + crc.getValue() % (room - firstFree);
    }

    private static String reference(UUID id, int digits) {
        long room = (long) Math.pow(10, digits);
        return pad(Math.floorMod(id.getMostSignificantBits(), room), digits);
    }

    private static String pad(long value, int digits) {
        return String.format("%0" + digits + "d", value);
    }

    private static String withCheckDigit(String digits) {
        return digits + checkDigit(digits);
    }
}

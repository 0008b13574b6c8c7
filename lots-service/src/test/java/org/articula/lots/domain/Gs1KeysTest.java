package org.articula.lots.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GS1 check digits against published examples, and keys derived deterministically with valid check digits. */
class Gs1KeysTest {

    final Gs1Keys keys = new Gs1Keys("0614141");

    @Test
    void checkDigitsOfKnownGs1Keys() {
        assertEquals(1, Gs1Keys.checkDigit("400638133393")); // EAN-13 4006381333931
        assertEquals(2, Gs1Keys.checkDigit("03600029145")); // UPC-A 036000291452
        assertEquals(7, Gs1Keys.checkDigit("978030640615")); // ISBN-13 978-0-306-40615-7
        assertTrue(Gs1Keys.isValid("4006381333931"));
        assertFalse(Gs1Keys.isValid("4006381333932"));
    }

    @Test
    void keysHaveTheirLengthThePrefixAndAValidCheckDigit() {
        UUID id = UUID.fromString("3f1c0e9a-3b2d-4c55-9a0e-2d9f8f1a7c10");
        String gln = keys.gln(id);
        String gtin = keys.gtin("trout");
        String sscc = keys.sscc(id);
        assertEquals(13, gln.length());
        assertEquals(14, gtin.length());
        assertEquals(18, sscc.length());
        assertTrue(gln.startsWith("0614141") && Gs1Keys.isValid(gln), gln);
        assertTrue(gtin.startsWith("90614141") && Gs1Keys.isValid(gtin), gtin);
        assertTrue(sscc.startsWith("00614141") && Gs1Keys.isValid(sscc), sscc);
        assertEquals("9061414100002" + Gs1Keys.checkDigit("9061414100002"), gtin);
        assertEquals(gln, keys.gln(id)); // deterministic
        assertTrue(Gs1Keys.isValid(keys.gtin("quinoa")));
        assertEquals("https://id.gs1.org/01/" + gtin + "/10/3F1C0E9A3B2D4C559A0E", keys.lgtinUri("trout", id));
        assertEquals("https://id.gs1.org/414/" + gln, keys.glnUri(id));
        assertEquals("https://id.gs1.org/00/" + sscc, keys.ssccUri(id));
    }

    @Test
    void anyProductGetsAWholeGtinWhateverThePrefixLeavesForItsReference() {
        for (String prefix : java.util.List.of("061414", "061414100", "0614141000", "06141410001")) {
            Gs1Keys longer = new Gs1Keys(prefix);
            for (String product : java.util.List.of("trout", "quinoa", "alpaca_fibre")) {
                String gtin = longer.gtin(product);
                assertEquals(14, gtin.length(), prefix + " " + product + ": " + gtin);
                assertTrue(gtin.startsWith("9" + prefix) && Gs1Keys.isValid(gtin), gtin);
            }
            assertTrue(!longer.gtin("quinoa").equals(longer.gtin("trout")), prefix);
        }
    }

    @Test
    void aPrefixMustBeSixToElevenDigits() {
        assertThrows(IllegalArgumentException.class, () -> new Gs1Keys("12345"));
        assertThrows(IllegalArgumentException.class, () -> new Gs1Keys("06141A1"));
    }
}

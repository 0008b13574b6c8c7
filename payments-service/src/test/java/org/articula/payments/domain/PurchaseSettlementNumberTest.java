package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseSettlementNumberTest {

    @Test
    void printedAsSunatNumbersThem() {
        assertEquals("E001-00000042", new PurchaseSettlementNumber("E001", 42).toString());
        assertEquals("E001-99999999", new PurchaseSettlementNumber("E001", 99_999_999).toString());
    }

    @Test
    void theNextNumbersFollowTheLastIssuedWithoutAGap() {
        assertEquals(List.of("E001-00000001", "E001-00000002", "E001-00000003"),
                PurchaseSettlementNumber.following("E001", 0, 3).stream().map(Object::toString).toList());
        assertEquals(List.of("E001-00000042", "E001-00000043"),
                PurchaseSettlementNumber.following("E001", 41, 2).stream().map(Object::toString).toList());
        assertEquals(List.of(), PurchaseSettlementNumber.following("E001", 41, 0));
    }

    @Test
    void aSeriesThatWouldRunPastEightDigitsIsRefusedWhole() {
        assertEquals(List.of(new PurchaseSettlementNumber("E001", 99_999_999)),
                PurchaseSettlementNumber.following("E001", 99_999_998, 1));
        assertThrows(IllegalStateException.class, () -> PurchaseSettlementNumber.following("E001", 99_999_998, 2));
        assertThrows(IllegalArgumentException.class, () -> PurchaseSettlementNumber.following("E001", -1, 1));
    }

    @Test
    void aNumberIsASeriesOfFourAndACorrelativeFromOne() {
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSettlementNumber("E001", 0));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSettlementNumber("E001", 100_000_000));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSettlementNumber("e001", 1));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSettlementNumber("E01", 1));
        assertThrows(IllegalArgumentException.class, () -> new PurchaseSettlementNumber(null, 1));
    }
}

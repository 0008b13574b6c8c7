package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

    @ParameterizedTest
    @ValueSource(strings = { "20100047218", "20601234565", "10456789124", "45871236", " 45871236 " })
    void acceptsDnisAndRucsWithTheirCheckDigit(String id) {
        assertNull(NationalId.problemWith(id));
        assertTrue(NationalId.parse(id).isPresent());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20100047219|dígito verificador",
            "4587123|8 dígitos",
            "4587123A|solo lleva dígitos",
            "30100047218|empieza con 10, 15, 17 o 20",
            "''|obligatorio" })
    void refusesWithAReasonTheUserUnderstands(String id, String reason) {
        assertTrue(NationalId.problemWith(id).contains(reason), NationalId.problemWith(id));
    }

    @ParameterizedTest
    @CsvSource({ "2010004721,8", "2060123456,5", "1045678912,4" })
    void computesSunatsModulus11CheckDigit(String firstTen, int expected) {
        assertEquals(expected, NationalId.rucCheckDigit(firstTen + "0"));
    }
}

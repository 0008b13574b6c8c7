package org.articula.payments.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmallProducerTest {

    @Test
    void aPersonByDniOrByTheRucOfANaturalPersonIsASmallProducer() {
        assertTrue(SmallProducer.qualifies("04567812"));
        assertTrue(SmallProducer.qualifies("10456781231"));
        assertTrue(SmallProducer.qualifies("15456781231"));
        assertTrue(SmallProducer.qualifies("17456781231"));
    }

    @Test
    void aCompanyOrAnUnknownDocumentIsNot() {
        assertFalse(SmallProducer.qualifies("20481234567"), "a cooperative's or a firm's RUC 20");
        assertFalse(SmallProducer.qualifies(null), "a producer payments-service knows no document of");
        assertFalse(SmallProducer.qualifies("1045678123"), "10 digits: neither a DNI nor a RUC");
        assertFalse(SmallProducer.qualifies("11456781231"), "a RUC prefix SUNAT does not use");
        assertFalse(SmallProducer.qualifies("0456781A"));
        assertFalse(SmallProducer.qualifies(" 04567812"));
    }

    @Test
    void theDocumentTypeFollowsFromTheNumber() {
        assertEquals(Optional.of(SmallProducer.DocumentType.DNI), SmallProducer.documentType("04567812"));
        assertEquals(Optional.of(SmallProducer.DocumentType.RUC), SmallProducer.documentType("10456781231"));
        assertEquals(Optional.of(SmallProducer.DocumentType.RUC), SmallProducer.documentType("20481234567"));
        assertEquals(Optional.empty(), SmallProducer.documentType("123"));
        assertEquals(Optional.empty(), SmallProducer.documentType(null));
    }
}

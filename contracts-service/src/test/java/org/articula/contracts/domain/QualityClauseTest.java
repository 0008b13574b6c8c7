package org.articula.contracts.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityClauseTest {

    @Test
    void aVersionStoredBeforeTheDisputeTermsExistedReadsWithTheirDefaults() throws Exception {
        QualityClause old = new ObjectMapper().readValue("{\"parameters\":[]}", QualityClause.class);
        assertEquals(48, old.contestWindowHours());
        assertTrue(old.untestedDisputeFavoursProducer());
    }

    @Test
    void statedDisputeTermsAreKept() {
        QualityClause stated = new QualityClause(List.of(), 72, false).withDefaults();
        assertEquals(72, stated.contestWindowHours());
        assertFalse(stated.untestedDisputeFavoursProducer());
    }
}

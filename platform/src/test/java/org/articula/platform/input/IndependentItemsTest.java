package org.articula.platform.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.util.List;
import org.articula.platform.problem.Problem;
import org.junit.jupiter.api.Test;

/** Each item of a batch read on its own, with every service's reading rules (StrictJson). */
class IndependentItemsTest {

    record Reading(String parameter, BigDecimal value) {
    }

    record Lot(String producer, List<Reading> readings) {
    }

    record Batch(String centre, @JsonDeserialize(using = IndependentItems.Reader.class) List<Lot> lots) {
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        new StrictJson().customize(MAPPER);
    }

    @Test
    void aKeyGivenTwiceInOneLotRefusesThatLotAloneNamingTheKeyFromTheLot() throws Exception {
        Batch batch = MAPPER.readValue("""
                {"centre":"Laredo","lots":[
                  {"producer":"Rosa","producer":"Rosa","readings":[{"parameter":"fat","value":3.5}]},
                  {"producer":"Juan","readings":[{"parameter":"fat","value":3.50,"value":4.1}]},
                  {"producer":"Ana","readings":[{"parameter":"fat","value":12.345678901234567890}]}]}""",
                Batch.class);

        assertEquals(3, batch.lots().size());
        assertNull(batch.lots().get(0));
        assertEquals(List.of(new Problem.Violation("producer", violation(batch, 0).message())),
                IndependentItems.unreadable(batch.lots(), 0).violations());
        assertNull(batch.lots().get(1));
        assertEquals("readings[0].value", violation(batch, 1).field());
        // The lot after them is read whole, its decimal not rounded by being read apart.
        assertNull(IndependentItems.unreadable(batch.lots(), 2));
        assertEquals(new Lot("Ana", List.of(new Reading("fat", new BigDecimal("12.345678901234567890")))),
                batch.lots().get(2));
    }

    @Test
    void aKeyGivenTwiceOutsideTheListIsStillRefusedWhole() {
        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("""
                {"lots":[{"producer":"Rosa"}],"centre":"Laredo","centre":"Moche"}""", Batch.class));
    }

    @Test
    void aLotOfTheWrongTypeIsRefusedAloneAndABodyThatIsNotJsonWhole() throws Exception {
        Batch batch = MAPPER.readValue("""
                {"lots":[{"producer":12},{"producer":"Rosa"}]}""", Batch.class);
        assertEquals("producer", violation(batch, 0).field());
        assertEquals(new Lot("Rosa", null), batch.lots().get(1));

        assertThrows(JsonProcessingException.class, () -> MAPPER.readValue("""
                {"lots":[{"producer":"Rosa",}]}""", Batch.class));
    }

    private static Problem.Violation violation(Batch batch, int index) {
        return IndependentItems.unreadable(batch.lots(), index).violations().get(0);
    }
}

package org.articula.payments.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnePassListTest {

    record Page(String title, List<Integer> rows) {
    }

    @Test
    void jacksonWritesItLikeAnyListReadingEachElementOnceInOrder() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Integer> asked = new ArrayList<>();
        var source = List.of(3, 1, 2).stream().peek(asked::add).iterator();

        String written = json.writeValueAsString(new Page("p", new OnePassList<>(3, source)));

        assertEquals(json.writeValueAsString(new Page("p", List.of(3, 1, 2))), written);
        assertEquals(List.of(3, 1, 2), asked);
    }

    @Test
    void aSecondReadingIsRefusedRatherThanAnsweredEmpty() {
        OnePassList<Integer> list = new OnePassList<>(1, List.of(7).iterator());
        list.iterator().next();
        assertThrows(IllegalStateException.class, list::iterator);
        assertThrows(UnsupportedOperationException.class, () -> list.get(0));
        assertEquals(1, list.size());
    }
}

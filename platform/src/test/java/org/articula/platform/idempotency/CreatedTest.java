package org.articula.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.articula.platform.problem.ProblemException;
import org.articula.platform.problem.ProblemType;
import org.junit.jupiter.api.Test;

class CreatedTest {

    private static final URI LOCATION = URI.create("http://localhost/api/v1/things/7");

    @Test
    void theFirstRequestStoresAndAnswers201WithLocation() {
        Created<String> created = Created.first("stored");
        assertTrue(created.isNew());
        try (Response answer = CreatedResponse.of(created, LOCATION, "view").toResponse()) {
            assertEquals(201, answer.getStatus());
            assertEquals(LOCATION, answer.getLocation());
            assertEquals("view", answer.getEntity());
        }
    }

    @Test
    void aRepeatOfTheSameRequestGetsTheStoredValueWith200AndNoLocation() {
        String stored = "stored";
        Created<String> repeated = Created.repeatOrConflict(stored, true, "unused");
        assertFalse(repeated.isNew());
        assertSame(stored, repeated.value());
        try (Response answer = CreatedResponse.of(repeated, LOCATION, "view").toResponse()) {
            assertEquals(200, answer.getStatus());
            assertEquals(null, answer.getLocation());
            assertEquals("view", answer.getEntity());
        }
    }

    @Test
    void anotherRequestWithATakenIdIsAConflictSayingWhatTheIdNames() {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Created.repeatOrConflict("stored", false, "El id 7 ya identifica otro cargo"));
        assertEquals(ProblemType.CONFLICT, refused.type());
        assertEquals("El id 7 ya identifica otro cargo", refused.getMessage());
    }
}
